/**
 * What the submission documents (粤人社函〔2023〕134号 附件6 §三) are made from: plain data the
 * services gather from the bank and the templates turn into .docx/.xlsx. One interface per document;
 * the shared `DocumentHeader` carries the occupation, level and secrecy mark every page prints.
 */
import type { ComprehensiveItem } from '../comprehensive-item.js';
import type { ImportanceCounts, TheoryElementTable } from '../element-table.js';
import type { Level } from '../level.js';
import type { ExpertRole } from '../person.js';
import type { PracticalStructure } from '../practical-structure.js';
import type { PracticalTask } from '../practical-task.js';
import type { TheoryItem, TheoryItemType } from '../theory-item.js';

export interface DocumentHeader {
  readonly occupationName: string;
  readonly occupationCode: string;
  /** 方向 (工种), '' when the occupation has none. */
  readonly track: string;
  readonly level: Level;
  /** `四级/中级工`. */
  readonly levelName: string;
  /** `制图员（机械）` — occupation with its track in full-width brackets. */
  readonly occupationTitle: string;
  /** `机密★启用前` (or with 保密期限); printed top left of every page of secret documents. */
  readonly mark: string;
  /** Sample banks print `样例（演示用，非正式题库）` under the mark. */
  readonly sampleNote: string;
  /** Institution (单位) that develops the bank, for signatures and the 编制说明. */
  readonly institution: string;
}

/** An image of an item, as stored (PNG or JPEG). */
export interface DocumentImage {
  readonly sha256: string;
  readonly contentType: 'image/png' | 'image/jpeg';
  readonly bytes: Uint8Array;
}

export interface TheoryPaperItem {
  /** Number on the paper, 1 … n across sections. */
  readonly number: number;
  readonly item: TheoryItem;
  readonly images: readonly DocumentImage[];
}

export interface TheoryPaperSection {
  readonly type: TheoryItemType;
  readonly pointsEach: number;
  readonly items: readonly TheoryPaperItem[];
}

/** 理论知识试卷 and its 标准答案与评分标准 (one set). */
export interface TheoryPaperData {
  readonly header: DocumentHeader;
  /** 甲, 乙, 丙 … */
  readonly setLabel: string;
  readonly minutes: number;
  readonly totalPoints: number;
  readonly sections: readonly TheoryPaperSection[];
  /** Print the 密封线 with 姓名/准考证号/单位 (default true). */
  readonly sealLine: boolean;
  /** Year of the 国家职业技能标准 the paper is based on (注意事项 1), '' when unknown. */
  readonly standardYear: string;
  /** 试卷编号, e.g. `3-01-02-07-4-L-甲` (app/domain/paper.ts paperCode). */
  readonly paperCode: string;
}

export interface PracticalPaperTask {
  /** 试题1, 试题2 … */
  readonly number: number;
  readonly task: PracticalTask;
  readonly moduleName: string;
  readonly mode: '必考' | '选考';
  readonly images: readonly DocumentImage[];
}

/** 技能考核: 考场准备通知单, 考生准备通知单, 试题 and 评分记录表 of one set. */
export interface PracticalPaperData {
  readonly header: DocumentHeader;
  readonly setLabel: string;
  readonly minutes: number;
  readonly totalPoints: number;
  /** 试卷编号 printed on the 评分记录表, e.g. `3-01-02-07-4-J-甲`. */
  readonly paperCode: string;
  readonly tasks: readonly PracticalPaperTask[];
}

/** 综合评审 (levels 1–2): 考核说明, 试题, 评分标准 and 评分表 of one set. */
export interface ComprehensivePaperData {
  readonly header: DocumentHeader;
  readonly setLabel: string;
  readonly item: ComprehensiveItem;
}

/** 理论知识考核要素细目表 and 技能考核内容结构表 (of the bank's level). */
export interface ElementTablesData {
  readonly header: DocumentHeader;
  readonly theory: TheoryElementTable;
  readonly practical: PracticalStructure | null;
}

export interface TeamMember {
  readonly name: string;
  readonly unit: string;
  readonly title: string;
  readonly position: string;
  readonly phone: string;
  /** What they did: 命题, 审定 … (joined for the list's 备注). */
  readonly work: string;
}

/** 题库开发组成员名单. */
export interface TeamListData {
  readonly header: DocumentHeader;
  readonly members: readonly TeamMember[];
}

export interface ReviewExpert {
  readonly name: string;
  readonly unit: string;
  readonly title: string;
  readonly category: ExpertRole;
}

export interface ReviewCheck {
  readonly item: string;
  /** '' = to be filled by hand. */
  readonly result: '符合' | '基本符合' | '不符合' | '';
}

/** 题库内部审核意见: from the recorded review round when there is one (experts, conclusion, round, date), signed by hand. */
export interface ReviewOpinionData {
  readonly header: DocumentHeader;
  readonly checklist: readonly ReviewCheck[];
  /** 通过 / 修改后通过 / 不通过, '' = by hand. */
  readonly conclusion: string;
  readonly opinion: string;
  readonly experts: readonly ReviewExpert[];
  /** 审核组长 who signs the form; '' = a blank to fill by hand. */
  readonly leader: string;
  /** Which review this is: 1 for the first, 2 for the review of a revised bank, …. */
  readonly round: number;
  /** 审核日期 (`2026年11月20日` or a span), '' = by hand. */
  readonly date?: string;
}

/** Items per 题型 in one set, and what the bank holds. */
export interface ItemCountRow {
  /** `判断题`, `单项选择题`, `多项选择题`, `技能考核试题`, `综合评审试题`. */
  readonly type: string;
  /** Per set label, in order. */
  readonly perSet: readonly { readonly label: string; readonly count: number; readonly points: number }[];
  /** Items of this 题型 in the bank (入库). */
  readonly inBank: number;
  /** Different items of this 题型 across the submitted sets (an item in two sets counts once). */
  readonly inSubmission: number;
}

/** 题库编制说明: filled from the data, with the user's free-text parts. */
export interface CompilationNoteData {
  readonly header: DocumentHeader;
  readonly occupation: {
    readonly definition: string;
    /** Levels the regional list names for this occupation ([] when it names none). */
    readonly levels: readonly string[];
    /** The list the levels come from, e.g. `粤人社办〔2020〕39号 附件1` — not the national standard. */
    readonly levelsSource: string;
    readonly tracks: readonly string[];
  };
  readonly basis: {
    /** e.g. `《制图员国家职业技能标准》（2019年版）` — entered by the user. */
    readonly standard: string;
    readonly other: string;
  };
  readonly structure: {
    readonly elements: number;
    readonly importance: ImportanceCounts;
    readonly topScopes: readonly { readonly code: string; readonly name: string; readonly weight: number; readonly elements: number }[];
    readonly practicalModules: readonly { readonly code: string; readonly name: string; readonly mode: string; readonly weight: number; readonly minutes: number }[];
  };
  readonly counts: {
    readonly theory: readonly ItemCountRow[];
    readonly practical: ItemCountRow | null;
    readonly comprehensive: ItemCountRow | null;
    readonly theorySets: number;
    readonly practicalSets: number;
  };
  readonly paper: {
    readonly theorySections: readonly { readonly type: string; readonly count: number; readonly pointsEach: number }[];
    readonly theoryMinutes: number;
    readonly practicalMinutes: number;
    /** e.g. `各套试题互不重复`. */
    readonly overlap: string;
    /** The official sentence on difficulty, e.g. `…各套试卷的预估平均通过率相差不超过 0.001，难度相当`. */
    readonly difficulty: string;
  };
  readonly organisation: {
    readonly team: readonly TeamMember[];
    readonly reviewers: readonly ReviewExpert[];
    /** Free text: 开发过程 (dates, meetings). */
    readonly process: string;
  };
  readonly secrecyMeasures: string;
  /** Date printed under the institution, `2026年11月23日`. */
  readonly date: string;
}

/**
 * Item bodies ↔ the values of the editors' antd Forms. The services check every body (the same rules
 * as import and the CLI) and answer in Chinese naming the field; these functions only reshape:
 * lists of lines become text areas, a 判断题 key √/×, a 多选 key a set of letters.
 */
import type { ComprehensiveItem } from '../../../../domain/comprehensive-item.js';
import { NOTICE_GROUPS, type NoticeRow, type PracticalTask, type PreparationNotice } from '../../../../domain/practical-task.js';
import type { RubricRow } from '../../../../domain/rubric.js';
import type { TheoryItemType } from '../../../../domain/theory-item.js';
import type { ItemRecord } from './model.js';

export type TheoryBody = Extract<ItemRecord, { kind: 'theory' }>['body'];
export type ItemKind = ItemRecord['kind'];

export interface TheoryForm {
  type: TheoryItemType;
  stem: string;
  options: string[];
  /** 判断题 `√`/`×`; 单选 a letter. */
  key: string;
  /** 多选 letters. */
  keys: string[];
  difficulty: number;
  element: string;
  explanation: string;
  images: string[];
}

export interface NoticeForm {
  equipment: NoticeRow[];
  tools: NoticeRow[];
  measuring: NoticeRow[];
  materials: NoticeRow[];
  notes: string;
}

export interface PracticalForm extends Omit<PracticalTask, 'requirements' | 'siteNotice' | 'candidateNotice'> {
  requirements: string;
  siteNotice: NoticeForm;
  candidateNotice: NoticeForm;
}

export interface ComprehensiveForm extends Omit<ComprehensiveItem, 'instructions'> {
  instructions: string;
}

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function theoryToForm(b: TheoryBody): TheoryForm {
  return {
    type: b.type,
    stem: b.stem,
    options: b.type === 'trueFalse' ? [] : [...b.options],
    key: b.type === 'trueFalse' ? (b.key ? '√' : '×') : b.type === 'singleChoice' ? b.key : '',
    keys: b.type === 'multipleChoice' ? [...b.key] : [],
    difficulty: b.difficulty,
    element: b.element,
    explanation: b.explanation,
    images: [...b.images],
  };
}

export function formToTheory(f: TheoryForm): Record<string, unknown> {
  const common = { type: f.type, stem: f.stem ?? '', difficulty: f.difficulty, element: f.element ?? '', explanation: f.explanation ?? '', images: f.images ?? [] };
  if (f.type === 'trueFalse') return { ...common, key: f.key === '√' ? true : f.key === '×' ? false : f.key };
  if (f.type === 'singleChoice') return { ...common, options: f.options ?? [], key: f.key ?? '' };
  return { ...common, options: f.options ?? [], key: [...(f.keys ?? [])].sort().join('') };
}

export function blankTheory(type: TheoryItemType, element = ''): TheoryForm {
  const options = type === 'trueFalse' ? [] : ['', '', '', ''];
  return { type, stem: '', options, key: '', keys: [], difficulty: 3, element, explanation: '', images: [] };
}

function noticeToForm(n: PreparationNotice): NoticeForm {
  return { equipment: [...n.equipment], tools: [...n.tools], measuring: [...n.measuring], materials: [...n.materials], notes: n.notes.join('\n') };
}

function formToNotice(n: NoticeForm | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { notes: lines(n?.notes) };
  for (const g of NOTICE_GROUPS) out[g] = n?.[g] ?? [];
  return out;
}

export function practicalToForm(b: PracticalTask): PracticalForm {
  return { ...b, requirements: b.requirements.join('\n'), siteNotice: noticeToForm(b.siteNotice), candidateNotice: noticeToForm(b.candidateNotice), images: [...b.images], rubric: [...b.rubric] };
}

export function formToPractical(f: PracticalForm): Record<string, unknown> {
  return {
    module: f.module ?? '',
    title: f.title ?? '',
    points: f.points,
    minutes: f.minutes,
    form: f.form,
    description: f.description ?? '',
    requirements: lines(f.requirements),
    figureNote: f.figureNote ?? '',
    images: f.images ?? [],
    siteNotice: formToNotice(f.siteNotice),
    candidateNotice: formToNotice(f.candidateNotice),
    rubric: f.rubric ?? [],
  };
}

const blankNotice = (): NoticeForm => ({ equipment: [], tools: [], measuring: [], materials: [], notes: '' });
const blankRubric = (): RubricRow[] => [{ content: '', keyPoint: '', points: 0, criteria: '', deductionNote: '' }];

export function blankPractical(module = ''): PracticalForm {
  return {
    module,
    title: '',
    points: 0,
    minutes: 60,
    form: '实操',
    description: '',
    requirements: '',
    figureNote: '',
    images: [],
    siteNotice: blankNotice(),
    candidateNotice: blankNotice(),
    rubric: blankRubric(),
  };
}

export function comprehensiveToForm(b: ComprehensiveItem): ComprehensiveForm {
  return { ...b, instructions: b.instructions.join('\n'), rubric: [...b.rubric], scoreSheet: [...b.scoreSheet] };
}

export function formToComprehensive(f: ComprehensiveForm): Record<string, unknown> {
  return {
    title: f.title ?? '',
    form: f.form,
    points: f.points,
    minutes: f.minutes,
    instructions: lines(f.instructions),
    question: f.question ?? '',
    rubric: f.rubric ?? [],
    scoreSheet: f.scoreSheet ?? [],
  };
}

export function blankComprehensive(): ComprehensiveForm {
  return { title: '', form: '技术总结答辩', points: 100, minutes: 30, instructions: '', question: '', rubric: blankRubric(), scoreSheet: [{ aspect: '', keyPoint: '', points: 0 }] };
}

/** What a new item of each choice is: its kind and, for theory, its 题型. */
export const NEW_KINDS = ['trueFalse', 'singleChoice', 'multipleChoice', 'practical', 'comprehensive'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

export function kindOfNew(k: NewKind): ItemKind {
  return k === 'practical' || k === 'comprehensive' ? k : 'theory';
}

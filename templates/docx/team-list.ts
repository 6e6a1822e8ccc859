/**
 * 题库开发组成员名单 (附件6 §三 (四)): 序号 | 姓名 | 单位 | 职称 | 职务 | 联系电话 | 备注 (what each did), under
 * the occupation line, with the institution and a date line for the stamp. The list itself is not
 * secret content but part of a secret submission, so every page carries the mark.
 */
import type { Document } from 'docx';
import type { DocumentHeader, TeamListData, TeamMember } from '../../app/domain/submission/documents.js';
import { headedDocument, para, SIZES, table, textEms, TEXT_WIDTH } from './kit.js';
import { infoLine } from './submission-parts.js';

export const TEAM_LIST_TITLE = '题库开发组成员名单';
export const TEAM_LIST_COLUMNS = ['序号', '姓名', '单位', '职称', '职务', '联系电话', '备注'] as const;

/** `职业（工种）：制图员（机械）　　职业编码：…　　等级：…`, the line under the titles of the lists. */
export function occupationLine(header: DocumentHeader): string {
  return infoLine([
    ['职业（工种）', header.occupationTitle],
    ['职业编码', header.occupationCode],
    ['等级', header.levelName],
  ]);
}

/** Cell margins and a little slack, in twips. */
const CELL_PAD = 220;
/** The widest a one-line column grows, in ems (a longer 职称 or 职务 wraps). */
const MAX_EMS = { seq: 3, name: 5, title: 7, position: 7, phone: 9 } as const;
/** 单位's part of the width left for 单位 and 备注 (a unit's name is usually the longer). */
const UNIT_SHARE = 0.65;

/**
 * Column widths in twips: 序号, 姓名, 职称, 职务 and 联系电话 as wide as their longest entry so that 高级工程师,
 * 教研室主任 or a phone number stays on one line (up to a cap), 单位 and 备注 sharing the rest.
 */
export function teamColumnWidths(members: readonly TeamMember[], size: number = SIZES.五号, total: number = TEXT_WIDTH): number[] {
  const em = size * 10;
  const fit = (header: string, values: readonly string[], max: number) =>
    Math.round(Math.min(max, Math.max(textEms(header), ...values.map(textEms))) * em + CELL_PAD);
  const seq = fit('序号', members.map((_, i) => String(i + 1)), MAX_EMS.seq);
  const name = fit('姓名', members.map((m) => m.name), MAX_EMS.name);
  const title = fit('职称', members.map((m) => m.title), MAX_EMS.title);
  const position = fit('职务', members.map((m) => m.position), MAX_EMS.position);
  const phone = fit('联系电话', members.map((m) => m.phone), MAX_EMS.phone);
  const rest = Math.max(6 * em, total - seq - name - title - position - phone);
  return [seq, name, Math.round(rest * UNIT_SHARE), title, position, phone, Math.round(rest * (1 - UNIT_SHARE))];
}

export function teamListTitle(header: DocumentHeader): string {
  return `${header.occupationTitle}${header.levelName} ${TEAM_LIST_TITLE}`;
}

/** The 名单 as a Word document, A4 portrait. */
export function teamListDocx(data: TeamListData): Document {
  const { header } = data;
  const heading = teamListTitle(header);
  const centred = (text: string) => ({ text, align: 'center' as const });
  return headedDocument(header, heading, [
    para(occupationLine(header), { size: SIZES.五号, align: 'left', after: 120 }),
    table({
      widths: teamColumnWidths(data.members),
      rows: [
        [...TEAM_LIST_COLUMNS],
        ...data.members.map((m, i) => [centred(String(i + 1)), centred(m.name), m.unit, centred(m.title), centred(m.position), centred(m.phone), m.work]),
      ],
    }),
    para(`填报单位（盖章）：${header.institution}`, { size: SIZES.小四, align: 'right', before: 360 }),
    para('年　　月　　日', { size: SIZES.小四, align: 'right' }),
  ]);
}

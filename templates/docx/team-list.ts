/**
 * 题库开发组成员名单 (附件6 §三 (四)): 序号 | 姓名 | 单位 | 职称 | 职务 | 联系电话 | 备注 (what each did), under
 * the occupation line, with the institution and a date line for the stamp. The list itself is not
 * secret content but part of a secret submission, so every page carries the mark.
 */
import type { Document } from 'docx';
import type { DocumentHeader, TeamListData } from '../../app/domain/submission/documents.js';
import { headedDocument, para, SIZES, table } from './kit.js';
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
      widths: [5, 7, 19, 9, 6.5, 13, 12],
      rows: [
        [...TEAM_LIST_COLUMNS],
        ...data.members.map((m, i) => [centred(String(i + 1)), centred(m.name), m.unit, centred(m.title), centred(m.position), centred(m.phone), m.work]),
      ],
    }),
    para(`填报单位（盖章）：${header.institution}`, { size: SIZES.小四, align: 'right', before: 360 }),
    para('年　　月　　日', { size: SIZES.小四, align: 'right' }),
  ]);
}

/**
 * A stored paper as the item analysis sees it: per position the pinned item version, its kind, options,
 * key and points — theory items from their bodies (判断: √/×; 单选 A–D; 多选 A–E, key sorted), practical
 * tasks and 综合评审 items scored 0 … their points in the paper.
 */
import type { PaperItemKey } from '../../domain/analysis/scoring.js';
import { OPTION_LETTERS } from '../../domain/theory-item.js';
import type { ReadableDB } from '../../store/database.js';
import { getVersion } from '../../store/repositories/items.js';
import { listPaperItems } from '../../store/repositories/papers.js';

export function paperKeys(db: ReadableDB, paperId: number): PaperItemKey[] {
  return listPaperItems(db, paperId).map((pi): PaperItemKey => {
    const base = { position: pi.position, itemId: pi.itemId, version: pi.version, points: pi.points };
    const v = getVersion(db, pi.itemId, pi.version);
    if (v.kind !== 'theory') return { ...base, kind: 'practical', options: [], key: '' };
    const body = v.body;
    if (body.type === 'trueFalse') return { ...base, kind: 'trueFalse', options: ['√', '×'], key: body.key ? '√' : '×' };
    const options = OPTION_LETTERS.slice(0, body.options.length);
    return { ...base, kind: body.type, options, key: body.key };
  });
}

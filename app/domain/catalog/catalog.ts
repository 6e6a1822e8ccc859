/**
 * The occupation catalog: reference data extracted from the seeds (粤人社办〔2020〕39号 附件1 and the
 * 2023 广东省职业技能培训补贴（指导）标准目录) by `scripts/catalog/extract-occupations.mjs`.
 * Pure: the data is bundled with the program, searching touches no file.
 */
import { z } from 'zod';
import raw from './occupations.json' with { type: 'json' };
import { occupationSchema, type Occupation } from '../occupation.js';

const catalog: readonly Occupation[] = Object.freeze(z.array(occupationSchema).parse(raw));
const byCode = new Map(catalog.map((o) => [o.code, o]));

export function listOccupations(): readonly Occupation[] {
  return catalog;
}

export function findOccupation(code: string): Occupation | undefined {
  return byCode.get(code.trim());
}

/** Search by code (prefix, with or without dashes) or by name, alias or track (substring). Best matches first. */
export function searchOccupations(query: string, limit = 50): readonly Occupation[] {
  const q = query.trim().replace(/\s+/g, '');
  if (q === '') return catalog.slice(0, limit);
  const digits = q.replace(/[-－—]/g, '');
  const scored: { o: Occupation; score: number }[] = [];
  for (const o of catalog) {
    const score = matchScore(o, q, digits);
    if (score > 0) scored.push({ o, score });
  }
  scored.sort((a, b) => b.score - a.score || a.o.code.localeCompare(b.o.code));
  return scored.slice(0, limit).map((s) => s.o);
}

function matchScore(o: Occupation, q: string, digits: string): number {
  if (o.code === q) return 100;
  if (/^\d+$/.test(digits) && o.code.replace(/-/g, '').startsWith(digits)) return 80;
  if (o.name === q) return 90;
  if (o.name.startsWith(q)) return 70;
  if (o.name.includes(q)) return 60;
  if (o.alias?.includes(q) === true) return 50;
  if (o.tracks.some((t) => t.name.includes(q))) return 40;
  return 0;
}

/** The occupation as the catalog handlers return it, and how its levels are written. */
import { levelName, type Level } from '../../../../domain/level.js';
import type { QbankApi } from '../../api/client.js';

export type Occupation = NonNullable<Awaited<ReturnType<QbankApi['occupations.get']>>>;

/** `四级/中级工、三级/高级工` — the levels the catalog states, highest last; null when it states none. */
export function levelsText(levels: readonly Level[] | null): string | null {
  return levels === null ? null : [...levels].sort((a, b) => b - a).map(levelName).join('、');
}

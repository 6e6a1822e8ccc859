/**
 * A simulated exam sitting for a paper (the demo and the tests): candidates with abilities θ ~ N(0, 1)
 * answer each item right with the two-parameter logistic probability 1 / (1 + e^(−1.7·a·(θ − b))),
 * b spread over −1.5 … 1.5 by position, a = 1.2; a wrong answer picks a distractor at random (for a
 * multiple-choice item: the key with one letter changed). A practical task scores points × that
 * probability, to the half point. `misKeyed` plants a key error: candidates who know the item choose
 * `trueKey`, while the bank's key is only one of the distractors — what a wrongly keyed item looks
 * like in real data. The sheet carries a 考号 and a 姓名 column, as real sheets do (the import reads
 * neither name nor number into the bank). Seeded: the same inputs give the same sheet.
 */
import { Random } from '../assembly/random.js';
import type { PaperItemKey } from './scoring.js';

export interface SimulationOptions {
  readonly candidates: number;
  readonly seed: number;
  readonly misKeyed?: { readonly position: number; readonly trueKey: string };
}

export interface SimulatedSheet {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const A = 1.2;

function normal(r: Random): number {
  const u = Math.max(r.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

function wrongAnswer(item: PaperItemKey, key: string, r: Random): string {
  if (item.kind === 'multipleChoice') {
    const letters = new Set(key);
    const flip = r.pick(item.options);
    if (letters.has(flip) && letters.size > 1) letters.delete(flip);
    else letters.add(flip);
    const answer = [...letters].sort().join('');
    return answer === key ? r.pick(item.options.filter((o) => !key.includes(o))) : answer;
  }
  return r.pick(item.options.filter((o) => o !== key));
}

export function simulateSitting(items: readonly PaperItemKey[], o: SimulationOptions): SimulatedSheet {
  const r = new Random(o.seed);
  const header = ['考号', '姓名', ...items.map((i) => String(i.position))];
  const rows: string[][] = [];
  for (let c = 0; c < o.candidates; c++) {
    const theta = normal(r);
    const cells = items.map((item, i) => {
      const b = -1.5 + (3 * ((i * 37) % 100)) / 99;
      const right = 1 / (1 + Math.exp(-1.7 * A * (theta - b)));
      if (item.kind === 'practical') return String(Math.round(item.points * right * 2) / 2);
      const key = o.misKeyed?.position === item.position ? o.misKeyed.trueKey : item.key;
      if (r.next() < 0.01) return ''; // an omission now and then
      return r.next() < right ? key : wrongAnswer(item, key, r);
    });
    rows.push([`2026${String(c + 1).padStart(5, '0')}`, `考生${c + 1}`, ...cells]);
  }
  return { header, rows };
}

/** The sheet as CSV text (UTF-8 with BOM, as spreadsheet programs write it). */
export function sheetCsv(sheet: SimulatedSheet): string {
  return `\uFEFF${[sheet.header, ...sheet.rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
}

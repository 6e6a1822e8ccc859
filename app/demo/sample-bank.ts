/**
 * The sample (样例) bank of the demo: 制图员 (3-01-02-07) 四级/中级工, 方向 机械 — a theory 细目表 with
 * 113 鉴定点, about 650 theory items, a 技能考核内容结构表 and 9 practical tasks. The content is real
 * drafting knowledge written for demonstration and marked 样例 on every output; it is not an
 * official bank. The data lives in ./sample/*.json and is validated by the domain when loaded.
 */
import skeleton from './sample/element-table.json' with { type: 'json' };
import practical from './sample/practical.json' with { type: 'json' };
import basics from './sample/theory-1-basics.json' with { type: 'json' };
import views from './sample/theory-2-views.json' with { type: 'json' };
import parts from './sample/theory-3-parts.json' with { type: 'json' };
import cad3d from './sample/theory-4-cad3d.json' with { type: 'json' };
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BankInput } from '../domain/bank.js';
import { sampleElementTableOf, type TheoryPart } from './sample-table.js';

/** The package root (holds package.json), found from this module whether it runs from app/ or dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the demo module');
    dir = parent;
  }
  return dir;
}

/** The files the demo imports, as item writers deliver them (made by scripts/demo/make-sample-files.mjs). */
export const SAMPLE_FILES = join(packageRoot(), 'app', 'demo', 'sample', 'files');
export const SAMPLE_FILE_NAMES = {
  elementTable: '制图员四级-理论知识考核要素细目表.xlsx',
  practicalStructure: '制图员-技能考核内容结构表.xlsx',
  items: '制图员四级-试题导入.xlsx',
  word: '制图员四级-三维与图档.docx',
} as const;


const THEORY_PARTS: readonly TheoryPart[] = [basics, views, parts, cad3d];

export const SAMPLE_BANK: BankInput = {
  name: '制图员（机械）四级/中级工 题库（样例）',
  occupationCode: '3-01-02-07',
  occupationName: '制图员',
  track: '机械',
  level: 4,
  secrecy: { level: '机密', period: '', beforeUse: true },
  isSample: true,
};

/** The 细目表 skeleton with the 鉴定点 of every leaf filled in from the theory parts. */
export function sampleElementTable(): unknown {
  return sampleElementTableOf(skeleton, THEORY_PARTS);
}

export function samplePracticalStructure(): unknown {
  return { occupationCode: SAMPLE_BANK.occupationCode, track: SAMPLE_BANK.track, ...practical.structure };
}

export function sampleTheoryItems(): readonly unknown[] {
  return THEORY_PARTS.flatMap((p) => p.items);
}

export function samplePracticalTasks(): readonly unknown[] {
  return practical.tasks;
}

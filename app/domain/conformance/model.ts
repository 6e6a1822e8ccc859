/**
 * The conformance map's shape (issue [I] 6): for each clause of 人社鉴发〔2010〕2号 (规程) and of 附件6
 * (粤人社函〔2023〕134号 试题开发要求) the workstation implements — what it asks, the feature that does it and
 * the tests that demonstrate it. A test is either a vitest test, named by its file and its full name as
 * vitest's JSON reporter writes it (`fullName`: the describe titles and the test title joined by spaces),
 * or a fault suite, whose figures test/fault/results.ts records in `fault-results/<suite>-<operation>.json`.
 */
import { z } from 'zod';

export const CLAUSE_SOURCES = ['规程', '附件6'] as const;
export type ClauseSource = (typeof CLAUSE_SOURCES)[number];

/** The documents the sources name, for headings and the report. */
export const clauseSourceTitles: Readonly<Record<ClauseSource, string>> = {
  规程: '人社鉴发〔2010〕2号《职业技能鉴定国家题库安全保密工作规程（暂行）》',
  附件6: '粤人社函〔2023〕134号 附件6《广东省社会培训评价组织培育辅导期试题开发要求》',
};

/** The fault suites of issue [I] (test/fault/): their records name the suite in `suite`. */
export const FAULT_SUITES = ['crash', 'fuzz', 'tamper', 'disk', 'network'] as const;
export type FaultSuite = (typeof FAULT_SUITES)[number];

export const faultSuiteNames: Readonly<Record<FaultSuite, string>> = {
  crash: '崩溃测试（进程在写入中途被终止）',
  fuzz: '模糊测试（畸形的外来文件）',
  tamper: '篡改测试（改动光盘包与审计日志）',
  disk: '磁盘测试（磁盘已满、只读介质）',
  network: '断网证明（strace 记录程序无任何网络调用）',
};

export const vitestTestRefSchema = z
  .object({
    /** Path from the top of the checkout, with forward slashes. */
    file: z.string().regex(/^test\/[\w./-]+\.test\.ts$/u, '测试文件须是 test/…/*.test.ts'),
    /** Full name as vitest's JSON reporter writes it: describe titles and the test title, joined by spaces. */
    name: z.string().trim().min(1),
  })
  .strict();
export type VitestTestRef = z.output<typeof vitestTestRefSchema>;

export const faultSuiteRefSchema = z.object({ faultSuite: z.enum(FAULT_SUITES) }).strict();
export type FaultSuiteRef = z.output<typeof faultSuiteRefSchema>;

export const testRefSchema = z.union([vitestTestRefSchema, faultSuiteRefSchema]);
export type TestRef = z.output<typeof testRefSchema>;

export const isFaultSuiteRef = (ref: TestRef): ref is FaultSuiteRef => 'faultSuite' in ref;

export const clauseSchema = z
  .object({
    /** Stable key: `gc-4` for 规程第四条, `a6-3-5` for 附件6 三（五）. */
    id: z.string().regex(/^(gc|a6)-[\d-]+[a-z]?$/u),
    source: z.enum(CLAUSE_SOURCES),
    /** `第四条`, `三（五）` … as the source numbers it. */
    article: z.string().min(1),
    /** What the clause asks, short. */
    requirement: z.string().min(1),
    /** The feature that implements it, naming the screen or `qbank` command. */
    feature: z.string().min(1),
    tests: z.array(testRefSchema).min(1),
  })
  .strict();
export type Clause = z.output<typeof clauseSchema>;

/** The whole map: ids unique, every test named once per clause. */
export const clauseMapSchema = z.array(clauseSchema).superRefine((clauses, ctx) => {
  const ids = new Set<string>();
  for (const [i, c] of clauses.entries()) {
    if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `条款编号重复：${c.id}` });
    ids.add(c.id);
    const refs = new Set<string>();
    for (const t of c.tests) {
      const key = isFaultSuiteRef(t) ? `fault:${t.faultSuite}` : `${t.file}\n${t.name}`;
      if (refs.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'tests'], message: `${c.article}：同一测试列了两次` });
      refs.add(key);
    }
  }
});

/** A test's reference as people read it: `file › name`, or the fault suite's name. */
export function testRefLabel(ref: TestRef): string {
  return isFaultSuiteRef(ref) ? `故障测试 ${ref.faultSuite}：${faultSuiteNames[ref.faultSuite]}` : `${ref.file} › ${ref.name}`;
}

/**
 * What `qbank assemble` and `qbank papers` print: the blueprint of a dry run, the sets of a run (theory:
 * 题型, X/Y/Z, difficulty bands and Σp; 技能考核 and 综合评审: tasks per 职业功能, points, minutes,
 * 选考), the overlap between sets and a paper structure.
 */
import type { Blueprint } from '../../domain/assembly/blueprint.js';
import { structureName, theoryItemCount, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import type { AssemblyStatistics } from '../../domain/assembly/set-statistics.js';
import { formatDifficulty, formatSeconds, setName, setOrdinal } from '../../domain/format.js';
import { paperKindNames } from '../../domain/paper.js';
import { theoryItemTypeNames } from '../../domain/theory-item.js';
import type { AssemblyRunResult } from '../../services/assembly/handlers.js';
import { assemblyText } from '../messages/assembly.js';

export const typeLabel = (t: string) => {
  const name = (theoryItemTypeNames as Record<string, string>)[t];
  return name === undefined ? t : assemblyText.shortTypeName(name);
};

export function blueprintLines(b: Blueprint): string[] {
  const lines = [assemblyText.blueprintTitle(b.sets, b.itemsPerSet, b.kind === 'theory')];
  if (b.kind === 'theory') {
    lines.push(assemblyText.blueprintHeader);
    for (const n of b.nodes) {
      lines.push(`${'  '.repeat(n.depth - 1)}${n.path}\t${n.name}\t${n.weight}\t${n.perSet}\t${n.perSetByType.trueFalse}/${n.perSetByType.singleChoice}/${n.perSetByType.multipleChoice}\t${n.available}`);
    }
    lines.push(assemblyText.pointCap(b.pointCap, b.pointCapAutomatic, b.minX ?? 0, b.maxZ ?? '—'));
    for (const o of b.pointCapOverrides) lines.push(assemblyText.pointCapOverride(o.code, o.name, o.cap, o.points));
    lines.push(assemblyText.bands(b.bands === null ? assemblyText.noBands : b.bands.join(' / '), (b.target[0] ?? 0).toFixed(3), b.targetMean.toFixed(3)));
    if (b.requiredPoints.length > 0) lines.push(assemblyText.requiredPoints(b.requiredPoints.length));
  } else {
    const names = new Map(b.nodes.map((n) => [n.path, n.name]));
    (b.slots ?? []).forEach((slots, s) =>
      lines.push(
        assemblyText.slots(
          setOrdinal(s),
          slots.map((x) => assemblyText.slot(x.module, names.get(x.module) ?? '', x.mode, x.points, x.minutes)),
          slots.reduce((a, x) => a + x.points, 0),
          slots.reduce((a, x) => a + x.minutes, 0),
        ),
      ),
    );
    const optional = optionalModules(b);
    if (optional.length > 0) lines.push(assemblyText.optionalRule(optional.map((m) => `${m} ${names.get(m) ?? ''}`), optionalPerSet(b)));
    lines.push(assemblyText.available(b.nodes.map((n) => assemblyText.availableNode(n.path, n.name, n.available))));
  }
  return lines;
}

/** 选考 modules of a practical blueprint, in 结构表 order. */
function optionalModules(b: Blueprint): string[] {
  return [...new Set((b.slots ?? []).flatMap((set) => set.filter((x) => x.mode === '选考').map((x) => x.module)))];
}

/** 选考 modules each practical set holds. */
function optionalPerSet(b: Blueprint): number {
  return b.slots?.[0]?.filter((x) => x.mode === '选考').length ?? 0;
}

/**
 * 技能考核 and 综合评审 sets: what applies to them — tasks per 职业功能, points, minutes and the 选考
 * modules the set holds (no X/Y/Z, difficulty bands or Σp, which belong to theory papers).
 */
function taskSetLines(r: AssemblyRunResult): string[] {
  const modules = r.kind === 'practical' ? r.blueprint.nodes : [];
  const withOptional = optionalModules(r.blueprint).length > 0;
  const header = assemblyText.taskHeader(
    modules.map((n) => `${n.path} ${n.name}`),
    withOptional,
  );
  const rows = r.papers.map((p, s) => {
    const byNode = r.statistics.sets[s]?.byNode ?? {};
    const slots = r.blueprint.slots?.[s] ?? [];
    const chosen = slots.filter((x) => x.mode === '选考').map((x) => x.module);
    return [
      p.label,
      p.items,
      p.points,
      p.minutes,
      ...modules.map((n) => {
        const tasks = Object.values(byNode[n.path] ?? {}).reduce((a, k) => a + k, 0);
        return slots.some((x) => x.module === n.path) ? tasks : assemblyText.notInSet;
      }),
      ...(withOptional ? [chosen.length === 0 ? assemblyText.notInSet : chosen.join('、')] : []),
    ].join('\t');
  });
  return [header, ...rows];
}

export function statisticsLines(st: AssemblyStatistics): string[] {
  const types = [...new Set(st.sets.flatMap((s) => Object.keys(s.byType)))];
  const lines = [
    assemblyText.statisticsHeader(types.map(typeLabel)),
    ...st.sets.map((s) =>
      [
        s.label,
        s.items,
        s.points,
        ...types.map((t) => s.byType[t] ?? 0),
        `${s.importance.X}/${s.importance.Y}/${s.importance.Z}`,
        s.bands.join('/'),
        formatDifficulty(s.sumP),
        formatDifficulty(s.meanP),
        formatDifficulty(s.deviation),
      ].join('\t'),
    ),
    ...overlapLines(st),
  ];
  return lines;
}

/** Items any two sets share (the diagonal: the items of each set). */
function overlapLines(st: AssemblyStatistics): string[] {
  return [assemblyText.overlapTitle, ...st.overlap.map((row, i) => `  ${st.sets[i]?.label ?? i + 1}\t${row.join('\t')}`)];
}

export function runLines(r: AssemblyRunResult): string[] {
  const theory = r.kind === 'theory';
  return [
    assemblyText.assembled(r.papers.length, paperKindNames[r.kind], r.runId, assemblyText.engine(r.engine), formatSeconds(r.seconds)),
    ...r.papers.map((p) => assemblyText.runPaper(p.id, setName(p.label), p.items, p.points, p.minutes)),
    ...(theory ? statisticsLines(r.statistics) : [...taskSetLines(r), ...overlapLines(r.statistics)]),
    ...(theory ? [assemblyText.deviation(r.deviation.toFixed(6), r.bound.toFixed(6), r.gap.toFixed(6), r.tolerance, r.certified)] : []),
    ...(r.voided > 0 ? [assemblyText.voided(r.voided)] : []),
    assemblyText.approveHint(r.runId),
  ];
}

/** `判断20×1分 + 单选60×1分 + 多选10×2分，90分钟（共 100 分，每套 90 道）`. */
export function structureText(st: TheoryStructure): string {
  return assemblyText.structureLine(structureName(st), st.totalPoints, theoryItemCount(st));
}

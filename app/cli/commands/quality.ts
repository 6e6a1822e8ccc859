/** `qbank lint` and `qbank coverage`. */
import { structureName, THEORY_TYPE_SHORT_NAMES, theoryItemCount } from '../../domain/assembly/paper-structure.js';
import type { CoverageRow } from '../../domain/lint/coverage.js';
import { THEORY_ITEM_TYPES } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, stringOption } from '../command.js';
import { call, implied, single } from '../group.js';
import { qualityText } from '../messages/quality.js';

/** The first line of `qbank coverage`: what the sets need in all, as the rows say (top level, per 题型). */
function coverageNeeds(rows: readonly CoverageRow[], sets: number): string {
  const top = rows.filter((r) => r.depth === 1);
  const perType = THEORY_ITEM_TYPES.map((t) => ({ t, n: top.reduce((a, r) => a + r.neededPerSetByType[t], 0) })).filter((x) => x.n > 0);
  const perSet = top.reduce((a, r) => a + r.neededPerSet, 0);
  return qualityText.coverageNeeds(sets, perSet, perType.map((x) => qualityText.coverageType(THEORY_TYPE_SHORT_NAMES[x.t], x.n)).join('、'));
}

export const lintCommand = implied(
  single(
    'lint',
    qualityText.lintSummary,
    qualityText.lintUsage,
    async (ctx, s) => {
      const bankId = bankOption(ctx);
      const item = stringOption(ctx, 'item');
      if (item !== undefined) {
        await call(ctx, s, handlers['lint.item'], { bankId, itemId: intOption(ctx, 'item', 0) }, (r) =>
          r.findings.length === 0 ? [qualityText.lintClean(r.itemId)] : r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field}: ${f.message}`),
        );
        return;
      }
      await call(ctx, s, handlers['lint.bank'], { bankId, sets: intOption(ctx, 'sets', 3) }, (r) => [
        qualityText.lintNeeds(r.sets, structureName(r.structure), theoryItemCount(r.structure)),
        ...r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field ? `${f.field}: ` : ''}${f.message}`),
        ...r.perItem.flatMap((i) => i.findings.map((f) => `${qualityText.lintItem(i.itemId)}\t${f.severity}\t${f.rule}\t${f.field}: ${f.message}`)),
      ]);
    },
    { bank: { type: 'string' }, item: { type: 'string' }, sets: { type: 'string' } },
  ),
);

export const coverageCommand = implied(
  single(
    'coverage',
    qualityText.coverageSummary,
    qualityText.coverageUsage,
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['coverage.get'],
        { bankId: bankOption(ctx), sets: intOption(ctx, 'sets', 3), onlyInBank: ctx.values['all-states'] !== true },
        (rows) => [
          coverageNeeds(rows, intOption(ctx, 'sets', 3)),
          qualityText.coverageHeader,
          ...rows.map(
            (r) =>
              `${'  '.repeat(r.depth - 1)}${r.path}\t${r.name}\t${r.weight}\t${r.available}\t${r.needed}\t` +
              `${r.availableByType.trueFalse}(${r.neededByType.trueFalse})/${r.availableByType.singleChoice}(${r.neededByType.singleChoice})/${r.availableByType.multipleChoice}(${r.neededByType.multipleChoice})${r.short ? qualityText.coverageShort : ''}`,
          ),
        ],
      )),
    { bank: { type: 'string' }, sets: { type: 'string' }, 'all-states': { type: 'boolean' } },
  ),
);


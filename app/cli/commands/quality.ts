/** `qbank lint` and `qbank coverage`. */
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, stringOption } from '../command.js';
import { call, implied, single } from '../group.js';
import { qualityText } from '../messages/quality.js';

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


/** `qbank search` (a 调阅) and `qbank duplicates`. */
import { theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, stringOption } from '../command.js';
import { call, implied, single } from '../group.js';
import { searchText } from '../messages/search.js';

const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? t;

export const searchCommand = implied(
  single(
    'search',
    searchText.searchSummary,
    searchText.searchUsage,
    async (ctx, s, args) =>
      void (await call(
        ctx,
        s,
        handlers['items.search'],
        {
          bankId: bankOption(ctx),
          text: args.join(' '),
          ...(stringOption(ctx, 'type') ? { type: stringOption(ctx, 'type') } : {}),
          ...(stringOption(ctx, 'state') ? { state: stringOption(ctx, 'state') } : {}),
          ...(stringOption(ctx, 'difficulty') ? { difficulty: Number(stringOption(ctx, 'difficulty')) } : {}),
          ...(stringOption(ctx, 'element') ? { element: stringOption(ctx, 'element') } : {}),
          limit: intOption(ctx, 'limit', 20),
        },
        (r) => [searchText.searchTotal(r.total), ...r.hits.map((h) => `${h.id}\t${typeName(h.type)}\t${h.binding}\t${h.state}\t${h.title}`)],
      )),
    { bank: { type: 'string' }, type: { type: 'string' }, state: { type: 'string' }, difficulty: { type: 'string' }, element: { type: 'string' }, limit: { type: 'string' } },
  ),
);

export const duplicatesCommand = implied(
  single(
    'duplicates',
    searchText.duplicatesSummary,
    searchText.duplicatesUsage,
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['duplicates.find'],
        { bankId: bankOption(ctx), ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}) },
        (r) => [
          searchText.duplicatesTotal(r.items, r.threshold, r.pairs.length),
          ...r.pairs.map((p) => `${p.a}\t${p.b}\t${p.score.toFixed(2)}\t${searchText.duplicateKind(p.kind === 'exact')}`),
        ],
      )),
    { bank: { type: 'string' }, threshold: { type: 'string' } },
  ),
);


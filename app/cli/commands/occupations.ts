/** `qbank occupations`: search the occupation catalog (reference data; needs no database). */
import { invokeReference } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { intOption, stringOption, type Command } from '../command.js';
import { occupationsText } from '../messages/occupations.js';

function levelsText(levels: readonly number[] | null): string {
  return levels === null ? '—' : levels.join(occupationsText.separator);
}

export const occupationsCommand: Command = {
  name: 'occupations',
  summary: occupationsText.summary,
  help: occupationsText.help,
  options: {
    search: { type: 'string', short: 's' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const query = stringOption(ctx, 'search') ?? ctx.positionals.join(' ');
    const found = await invokeReference(handlers['occupations.search'], { query, limit: intOption(ctx, 'limit', 50) });
    if (ctx.values.json === true) {
      ctx.io.out(`${JSON.stringify(found, null, 2)}\n`);
      return 0;
    }
    if (found.length === 0) {
      ctx.io.out(`${occupationsText.notFound(query)}\n`);
      return 0;
    }
    ctx.io.out(`${occupationsText.header}\n`);
    for (const o of found) {
      const tracks = o.tracks.map((t) => t.name).join(occupationsText.separator) || '—';
      ctx.io.out(`${o.code}\t${o.name}\t${tracks}\t${levelsText(o.levels)}\n`);
    }
    ctx.io.out(`${occupationsText.found(found.length)}\n`);
    return 0;
  },
};

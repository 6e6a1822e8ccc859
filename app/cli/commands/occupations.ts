/** `qbank occupations`: search the occupation catalog (reference data; needs no database). */
import { invokeReference } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { levelName } from '../../domain/level.js';
import type { Occupation } from '../../domain/occupation.js';
import { intOption, stringOption, type Command, type CommandContext } from '../command.js';
import { arg } from '../group.js';
import { occupationsText } from '../messages/occupations.js';

function levelsText(levels: readonly number[] | null): string {
  return levels === null ? '—' : levels.join(occupationsText.separator);
}

function levelNames(levels: readonly number[] | null | undefined): string {
  return levels === null || levels === undefined ? '' : levels.map((l) => levelName(l as 1 | 2 | 3 | 4 | 5)).join(occupationsText.separator);
}

/** `qbank occupations show <职业编码>`: one occupation in full (occupations.get). */
async function show(ctx: CommandContext): Promise<number> {
  const code = arg(ctx.positionals, 1, occupationsText.codeArgument);
  const o: Occupation | null = await invokeReference(handlers['occupations.get'], { code });
  if (ctx.values.json === true) {
    ctx.io.out(`${JSON.stringify(o, null, 2)}\n`);
    return o === null ? 1 : 0;
  }
  if (o === null) {
    ctx.io.err(`qbank: ${occupationsText.noSuchCode(code)}\n`);
    return 1;
  }
  const tracks = o.tracks.map((t) => occupationsText.trackLine(t.name, t.kind, levelNames(t.levels))).join(occupationsText.separator) || '—';
  const lines = occupationsText.shownLines({
    code: o.code,
    name: o.name,
    alias: o.alias ?? '',
    tracks,
    levels: o.levels === null ? occupationsText.allLevels : levelNames(o.levels),
    categories: o.categories.join(occupationsText.separator) || '—',
    edition: o.edition ?? '—',
    sources: o.sources.join(occupationsText.separator) || '—',
    note: o.note,
  });
  ctx.io.out(lines.map((l) => `${l}\n`).join(''));
  return 0;
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
    if (ctx.positionals[0] === 'show') return show(ctx);
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

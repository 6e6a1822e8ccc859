/** `qbank occupations`: search the occupation catalog (reference data; needs no database). */
import { invokeReference } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { intOption, stringOption, type Command } from '../command.js';

function levelsText(levels: readonly number[] | null): string {
  return levels === null ? '—' : levels.join('、');
}

export const occupationsCommand: Command = {
  name: 'occupations',
  summary: '查询职业目录 (search the occupation catalog)',
  help: [
    '用法: qbank occupations [--search 文字] [--limit N] [--json]',
    '',
    '  --search <文字>  按名称、方向/工种或职业编码（可只写前几位）查询，如 电工、3-01、6-31-01-03',
    '  --limit <N>      最多显示 N 条（默认 50）',
    '  --json           以 JSON 输出',
  ].join('\n'),
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
      ctx.io.out(`没有找到“${query}” (no occupation found)\n`);
      return 0;
    }
    ctx.io.out('职业编码\t职业名称\t方向/工种\t级别\n');
    for (const o of found) {
      const tracks = o.tracks.map((t) => t.name).join('、') || '—';
      ctx.io.out(`${o.code}\t${o.name}\t${tracks}\t${levelsText(o.levels)}\n`);
    }
    ctx.io.out(`共 ${found.length} 条 (${found.length} found)\n`);
    return 0;
  },
};

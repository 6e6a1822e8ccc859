/** `qbank people …`: the personnel register and 保密责任书 (规程第七条). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { handlers } from '../../services/registry.js';
import type { PersonView } from '../../services/people/handlers.js';
import { stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';

function personLine(p: PersonView): string {
  return [p.id, p.name, p.unit, p.title || '—', p.workTypes.join('、') || '—', p.expertRole ?? '—', `责任书${p.pledgeStatus}`, p.accounts.join(',') || '—', p.warning ? `⚠ ${p.warning}` : '']
    .join('\t')
    .trimEnd();
}

const list = (text: string | undefined) => (text === undefined ? [] : text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean));

export const peopleCommand = groupCommand(
  'people',
  '涉密人员登记与保密责任书 (personnel register and pledges)',
  [
    {
      name: 'list',
      usage: 'list',
      summary: '查看登记表',
      run: async (ctx, s) => void (await call(ctx, s, handlers['people.list'], {}, (all) => all.map(personLine))),
    },
    {
      name: 'add',
      usage: 'add --name 姓名 --unit 单位 --phone 电话 [--title 职称] [--position 职务] [--specialty 专业] [--work-types 命题,审定] [--expert-role 内容专家] [--trainer]',
      summary: '登记人员（安全保密管理员）',
      run: async (ctx, s) => {
        const person = {
          name: stringOption(ctx, 'name'),
          unit: stringOption(ctx, 'unit'),
          phone: stringOption(ctx, 'phone'),
          title: stringOption(ctx, 'title'),
          position: stringOption(ctx, 'position'),
          specialty: stringOption(ctx, 'specialty'),
          workTypes: list(stringOption(ctx, 'work-types')),
          ...(stringOption(ctx, 'expert-role') ? { expertRole: stringOption(ctx, 'expert-role') } : {}),
          trainer: ctx.values.trainer === true,
        };
        await call(ctx, s, handlers['people.add'], { person }, (p) => [`已登记 ${p.id}\t${p.name}`, ...(p.warning ? [`⚠ ${p.warning}`] : [])]);
      },
    },
    {
      name: 'pledge',
      usage: 'pledge <人员编号> --signed YYYY-MM-DD --expires YYYY-MM-DD --scope 责任范围 [--scan 扫描件]',
      summary: '登记保密责任书（安全保密管理员）',
      run: async (ctx, s, args) => {
        const scanPath = stringOption(ctx, 'scan');
        let scan: Uint8Array | undefined;
        if (scanPath !== undefined) {
          try {
            scan = readFileSync(resolve(ctx.io.cwd, scanPath));
          } catch (e) {
            throw new UsageError(`无法读取扫描件 ${scanPath}：${(e as NodeJS.ErrnoException).code ?? ''}`);
          }
        }
        const pledge = { signedOn: stringOption(ctx, 'signed'), expiresOn: stringOption(ctx, 'expires'), scope: stringOption(ctx, 'scope') };
        await call(ctx, s, handlers['people.registerPledge'], { personId: intArg(args, 0, '人员编号'), pledge, ...(scan ? { scan } : {}) }, (p) => [
          `已登记保密责任书 ${p.id}：${p.signedOn} 至 ${p.expiresOn}${p.scanSha256 ? `，扫描件 SHA-256 ${p.scanSha256.slice(0, 16)}…` : ''}`,
        ]);
      },
    },
    {
      name: 'export',
      usage: 'export --out <目录>',
      summary: '导出登记表 xlsx（安全保密管理员）',
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['people.exportRegister'], { outDir: resolve(ctx.io.cwd, stringOption(ctx, 'out') ?? arg([], 0, '--out 目录')) }, (f) => [
          `已导出 ${f.absolutePath}（${f.bytes} 字节，SHA-256 ${f.sha256.slice(0, 16)}…）`,
        ])),
    },
  ],
  {
    name: { type: 'string' },
    unit: { type: 'string' },
    phone: { type: 'string' },
    title: { type: 'string' },
    position: { type: 'string' },
    specialty: { type: 'string' },
    'work-types': { type: 'string' },
    'expert-role': { type: 'string' },
    trainer: { type: 'boolean' },
    signed: { type: 'string' },
    expires: { type: 'string' },
    scope: { type: 'string' },
    scan: { type: 'string' },
    out: { type: 'string' },
  },
);

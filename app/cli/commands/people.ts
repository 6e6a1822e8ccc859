/** `qbank people …`: the personnel register and 保密责任书 (规程第七条). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { handlers } from '../../services/registry.js';
import type { PersonView } from '../../services/people/handlers.js';
import { stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { peopleText } from '../messages/people.js';

function personLine(p: PersonView): string {
  const warning = p.warning ? peopleText.warning(p.warning) : '';
  return [p.id, p.name, p.unit, p.title || '—', p.workTypes.join(peopleText.separator) || '—', p.expertRole ?? '—', peopleText.pledgeStatus(p.pledgeStatus), p.accounts.join(',') || '—', warning]
    .join('\t')
    .trimEnd();
}

const list = (text: string | undefined) => (text === undefined ? [] : text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean));

export const peopleCommand = groupCommand(
  'people',
  peopleText.summary,
  [
    {
      name: 'list',
      usage: 'list',
      summary: peopleText.listSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['people.list'], {}, (all) => all.map(personLine))),
    },
    {
      name: 'add',
      usage: peopleText.addUsage,
      summary: peopleText.addSummary,
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
        await call(ctx, s, handlers['people.add'], { person }, (p) => [peopleText.added(p.id, p.name), ...(p.warning ? [peopleText.warning(p.warning)] : [])]);
      },
    },
    {
      name: 'pledge',
      usage: peopleText.pledgeUsage,
      summary: peopleText.pledgeSummary,
      run: async (ctx, s, args) => {
        const scanPath = stringOption(ctx, 'scan');
        let scan: Uint8Array | undefined;
        if (scanPath !== undefined) {
          try {
            scan = readFileSync(resolve(ctx.io.cwd, scanPath));
          } catch (e) {
            throw new UsageError(peopleText.unreadableScan(scanPath, (e as NodeJS.ErrnoException).code ?? ''));
          }
        }
        const pledge = { signedOn: stringOption(ctx, 'signed'), expiresOn: stringOption(ctx, 'expires'), scope: stringOption(ctx, 'scope') };
        await call(ctx, s, handlers['people.registerPledge'], { personId: intArg(args, 0, peopleText.personId), pledge, ...(scan ? { scan } : {}) }, (p) => [
          peopleText.pledgeRegistered(p.id, p.signedOn, p.expiresOn, p.scanSha256 ? p.scanSha256.slice(0, 16) : undefined),
        ]);
      },
    },
    {
      name: 'export',
      usage: peopleText.exportUsage,
      summary: peopleText.exportSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['people.exportRegister'], { outDir: resolve(ctx.io.cwd, stringOption(ctx, 'out') ?? arg([], 0, peopleText.outArgument)) }, (f) => [
          peopleText.exported(f.absolutePath, f.bytes, f.sha256.slice(0, 16)),
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

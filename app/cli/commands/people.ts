/** `qbank people …`: the personnel register and 保密责任书 (规程第七条). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPERT_ROLES, WORK_TYPES } from '../../domain/person.js';
import { handlers } from '../../services/registry.js';
import type { PersonView } from '../../services/people/handlers.js';
import { invoke } from '../../services/handler.js';
import { stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { peopleText } from '../messages/people.js';

function personLine(p: PersonView): string {
  const warning = p.warning ? peopleText.warning(p.warning) : '';
  return [p.id, p.name, p.unit, p.title || '—', p.workTypes.join(peopleText.separator) || '—', p.expertRole ?? '—', peopleText.pledgeStatus(p.pledgeStatus), p.accounts.join(',') || '—', warning]
    .join('\t')
    .trimEnd();
}

const list = (text: string | undefined) => (text === undefined ? [] : text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean));

/** `--work-types 命题,审定`, each checked here so that the message names the bad one. */
function workTypes(text: string | undefined): string[] {
  const types = list(text);
  const bad = types.find((t) => !(WORK_TYPES as readonly string[]).includes(t));
  if (bad !== undefined) throw new UsageError(peopleText.badWorkType(bad, WORK_TYPES));
  return types;
}

/** Words that remove the 专家类别 in `update`. */
const NO_EXPERT_ROLE = ['', '无'];

/** `--expert-role 内容专家`; '' or 无 for none (in `update`: remove it). */
function expertRole(text: string | undefined): string | undefined {
  if (text === undefined || NO_EXPERT_ROLE.includes(text.trim())) return undefined;
  if (!(EXPERT_ROLES as readonly string[]).includes(text.trim())) throw new UsageError(peopleText.badExpertRole(text, EXPERT_ROLES));
  return text.trim();
}

/** The person with the fields given on the command line changed (`update`); undefined when none is given. */
function changedPerson(ctx: CommandContext, current: PersonView): Record<string, unknown> | undefined {
  const text = (name: string) => stringOption(ctx, name);
  if (ctx.values.trainer === true && ctx.values['not-trainer'] === true) throw new UsageError(peopleText.bothTrainer);
  const given = ['name', 'unit', 'phone', 'title', 'position', 'specialty', 'work-types', 'expert-role'].some((k) => text(k) !== undefined);
  if (!given && ctx.values.trainer !== true && ctx.values['not-trainer'] !== true) return undefined;
  const role = text('expert-role') === undefined ? current.expertRole : expertRole(text('expert-role'));
  return {
    name: text('name') ?? current.name,
    unit: text('unit') ?? current.unit,
    phone: text('phone') ?? current.phone,
    title: text('title') ?? current.title,
    position: text('position') ?? current.position,
    specialty: text('specialty') ?? current.specialty,
    workTypes: text('work-types') === undefined ? current.workTypes : workTypes(text('work-types')),
    ...(role === undefined ? {} : { expertRole: role }),
    trainer: ctx.values.trainer === true ? true : ctx.values['not-trainer'] === true ? false : current.trainer,
  };
}

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
          workTypes: workTypes(stringOption(ctx, 'work-types')),
          ...(expertRole(stringOption(ctx, 'expert-role')) !== undefined ? { expertRole: expertRole(stringOption(ctx, 'expert-role')) } : {}),
          trainer: ctx.values.trainer === true,
        };
        await call(ctx, s, handlers['people.add'], { person }, (p) => [peopleText.added(p.id, p.name), ...(p.warning ? [peopleText.warning(p.warning)] : [])]);
      },
    },
    {
      name: 'update',
      usage: peopleText.updateUsage,
      summary: peopleText.updateSummary,
      run: async (ctx, s, args) => {
        const personId = intArg(args, 0, peopleText.personId);
        const current = (await invoke(s, handlers['people.list'], {})).find((p) => p.id === personId);
        if (current === undefined) throw new UsageError(peopleText.notRegistered(personId));
        const person = changedPerson(ctx, current);
        if (person === undefined) throw new UsageError(peopleText.noChanges);
        await call(ctx, s, handlers['people.update'], { personId, person }, (p) => [peopleText.updated(p.id, p.name), personLine(p)]);
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
    'not-trainer': { type: 'boolean' },
    signed: { type: 'string' },
    expires: { type: 'string' },
    scope: { type: 'string' },
    scan: { type: 'string' },
    out: { type: 'string' },
  },
);

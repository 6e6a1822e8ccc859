/**
 * The 工作台 (dashboard): per bank what is there and what blocks the next step (`overview.banks`), and
 * for the 三员 what is waiting for them (`overview.duties`). Counts and names only, never item content;
 * each account sees only what its roles may (see banks.ts, duties.ts).
 */
import { z } from 'zod';
import { defineHandler, handlerMap } from '../handler.js';
import { bankOverviews, type BankOverview } from './banks.js';
import { dutiesOf, type Duties } from './duties.js';

export type { BankOverview, Blocker, BankStep, SetCount, LastGeneration } from './banks.js';
export type { Duties, Duty, DutyPage } from './duties.js';

export const overviewHandlers = handlerMap(
  defineHandler({
    name: 'overview.banks',
    summary: '工作台：各题库的进度和待办',
    input: z.object({}).strict(),
    roles: ['manager', 'author', 'reviewer', 'secadmin', 'sysadmin'],
    register: '',
    run: (ctx): readonly BankOverview[] => bankOverviews(ctx),
  }),
  defineHandler({
    name: 'overview.duties',
    summary: '工作台：三员的待办事项',
    input: z.object({}).strict(),
    roles: ['sysadmin', 'secadmin', 'auditor'],
    register: '',
    run: (ctx): Duties => dutiesOf(ctx),
  }),
);

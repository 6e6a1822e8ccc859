/**
 * 题库 (bank): the items of one occupation × level × track, bound to one theory 细目表 and one
 * 技能考核内容结构表, with its secrecy classification inherited by every output (规程第四条).
 */
import { z } from 'zod';
import { CONTENT_ROLES } from './account.js';
import { levelName, levelSchema, type Level } from './level.js';
import { occupationCodeSchema, occupationDisplayName } from './occupation.js';
import { secrecySchema } from './secrecy.js';

export const bankSchema = z.object({
  name: z.string().trim().min(1).max(100),
  occupationCode: occupationCodeSchema,
  occupationName: z.string().trim().min(1).max(60),
  track: z.string().trim().max(40).default(''),
  level: levelSchema,
  secrecy: secrecySchema.default({ level: '机密', period: '', beforeUse: true }),
  /** Sample (样例) banks are marked as such on every output. */
  isSample: z.boolean().default(false),
});
export type BankInput = z.input<typeof bankSchema>;
export type Bank = z.output<typeof bankSchema>;

/** What an account is on one bank (题库管理员, 命题人员, 审核专家): one of its content roles. */
export const BANK_ROLES = CONTENT_ROLES;
export type BankRole = (typeof BANK_ROLES)[number];
export const bankRoleSchema = z.enum(BANK_ROLES);

export const ITEM_STATES = ['草稿', '待审', '已审', '入库', '停用'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** `制图员（机械）四级/中级工` */
export function bankTitle(bank: { occupationName: string; track: string; level: Level }): string {
  return `${occupationDisplayName(bank.occupationName, bank.track)}${levelName(bank.level)}`;
}

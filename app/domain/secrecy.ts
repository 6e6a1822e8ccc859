/**
 * Secrecy marking (密级标志). 规程第四条: items and answers of the national bank are 机密级;
 * every output carries the mark `机密★启用前` or `机密★<保密期限>`.
 */
import { z } from 'zod';

export const SECRECY_LEVELS = ['绝密', '机密', '秘密'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export const secrecySchema = z.object({
  level: z.enum(SECRECY_LEVELS).default('机密'),
  /** 保密期限, e.g. `长期`, `10年`, `至2027年12月31日`; empty when not set. */
  period: z.string().trim().max(30).default(''),
  /** Papers are marked `启用前`: secret until the exam starts. */
  beforeUse: z.boolean().default(true),
});
export type Secrecy = z.output<typeof secrecySchema>;

/** Default for a question bank: 机密, until use (规程第四条). */
export const DEFAULT_SECRECY: Secrecy = { level: '机密', period: '', beforeUse: true };

/**
 * The mark printed on every page and label: `机密★启用前`, `机密★10年`,
 * or `机密★启用前（保密期限：长期）` when both apply.
 */
export function secrecyMark(secrecy: Secrecy): string {
  const period = secrecy.period.trim();
  if (secrecy.beforeUse) return period === '' ? `${secrecy.level}★启用前` : `${secrecy.level}★启用前（保密期限：${period}）`;
  return period === '' ? `${secrecy.level}★` : `${secrecy.level}★${period}`;
}

/** ASCII form for places that cannot hold Chinese (ISO 9660 volume ids): `JIMI`, `MIMI`, `JUEMI`. */
export function secrecyAscii(level: SecrecyLevel): string {
  return { 绝密: 'JUEMI', 机密: 'JIMI', 秘密: 'MIMI' }[level];
}

/**
 * Occupation (职业/工种) with its 职业分类大典 code `d-dd-dd-dd`, tracks (方向 or 工种)
 * and the levels it is assessed at.
 */
import { z } from 'zod';
import { levelSchema, type Level } from './level.js';

export const OCCUPATION_CODE = /^\d-\d{2}-\d{2}-\d{2}$/;

export const occupationCodeSchema = z
  .string()
  .trim()
  .regex(OCCUPATION_CODE, { error: '职业编码格式应为 d-dd-dd-dd（如 3-01-02-07）' });

export const trackSchema = z.object({
  name: z.string().trim().min(1).max(40),
  kind: z.enum(['方向', '工种']),
  levels: z.array(levelSchema).min(1).optional(),
});
export type Track = z.output<typeof trackSchema>;

export const occupationSchema = z.object({
  code: occupationCodeSchema,
  name: z.string().trim().min(1).max(60),
  alias: z.string().optional(),
  tracks: z.array(trackSchema).default([]),
  /** Levels stated by the source; null when the source states none (then all five may be offered). */
  levels: z.array(levelSchema).min(1).nullable().default(null),
  categories: z.array(z.string()).default([]),
  edition: z.string().nullable().default(null),
  sources: z.array(z.string()).default([]),
  note: z.string().default(''),
});
export type Occupation = z.output<typeof occupationSchema>;

const ALL_LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** Levels at which the occupation (or one of its tracks) can be assessed. */
export function levelsOffered(occupation: Occupation, trackName?: string): readonly Level[] {
  const track = trackName === undefined ? undefined : occupation.tracks.find((t) => t.name === trackName);
  return track?.levels ?? occupation.levels ?? ALL_LEVELS;
}

/** `制图员（机械）` or `制图员` */
export function occupationDisplayName(name: string, track?: string): string {
  return track !== undefined && track !== '' ? `${name}（${track}）` : name;
}

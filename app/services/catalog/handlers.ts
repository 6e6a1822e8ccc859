/** Occupation catalog look-ups (reference data, not secret). */
import { z } from 'zod';
import { findOccupation, searchOccupations } from '../../domain/catalog/catalog.js';
import type { Occupation } from '../../domain/occupation.js';
import { defineHandler, handlerMap } from '../handler.js';

// The catalog is public reference data (not secret): `reference: true` lets the CLI's
// `occupations` command ask before any workstation exists, without an access-log row.
export const catalogHandlers = handlerMap(
  defineHandler({
    name: 'occupations.search',
    summary: '查询职业目录',
    input: z.object({
      query: z.string().max(60).default(''),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    roles: 'any',
    register: '',
    reference: true,
    run: (_ctx, input): readonly Occupation[] => searchOccupations(input.query, input.limit),
  }),
  defineHandler({
    name: 'occupations.get',
    summary: '查看职业',
    input: z.object({ code: z.string().trim().min(1) }),
    roles: 'any',
    register: '',
    reference: true,
    run: (_ctx, input): Occupation | null => findOccupation(input.code) ?? null,
  }),
);

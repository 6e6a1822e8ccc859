/** Occupation catalog look-ups (reference data, not secret). */
import { z } from 'zod';
import { findOccupation, searchOccupations } from '../domain/catalog/catalog.js';
import type { Occupation } from '../domain/occupation.js';
import { defineHandler } from './handler.js';

/**
 * Catalog search without a database: the catalog is public reference data (not secret), so the
 * CLI's `occupations` command may use it before any workstation exists and without an audit row.
 */
export function searchCatalog(query: string, limit = 50): readonly Occupation[] {
  return searchOccupations(query, limit);
}

export const catalogHandlers = {
  'occupations.search': defineHandler({
    name: 'occupations.search',
    summary: '查询职业目录',
    input: z.object({
      query: z.string().max(60).default(''),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    roles: 'any',
    register: '',
    run: (_ctx, input): readonly Occupation[] => searchOccupations(input.query, input.limit),
  }),
  'occupations.get': defineHandler({
    name: 'occupations.get',
    summary: '查看职业',
    input: z.object({ code: z.string().trim().min(1) }),
    roles: 'any',
    register: '',
    run: (_ctx, input): Occupation | null => findOccupation(input.code) ?? null,
  }),
} as const;

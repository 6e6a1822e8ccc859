/**
 * Opening and initialising the workstation database. The database must live on a fixed local disk:
 * its folder passes the same write-target check as every output (规程第十二条).
 */
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import { closeDatabase, LATEST_SCHEMA_VERSION, openDatabase, schemaVersion, type WritableDB } from '../store/database.js';
import { getSetting } from '../store/repositories/settings.js';
import { defineHandler } from './handler.js';
import { assertWritableTarget } from './output.js';

export interface OpenWorkstationOptions {
  readonly create?: boolean;
  readonly key?: Uint8Array;
}

export function openWorkstation(file: string, options: OpenWorkstationOptions = {}): WritableDB {
  const path = resolve(file);
  assertWritableTarget(dirname(path));
  if (options.create === true) mkdirSync(dirname(path), { recursive: true });
  return openDatabase(path, { create: options.create === true, ...(options.key ? { key: options.key } : {}) });
}

export function closeWorkstation(db: WritableDB): void {
  closeDatabase(db);
}

export interface WorkstationStatus {
  readonly file: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  readonly workstationId: string;
  readonly createdAt: string;
}

export const workstationHandlers = {
  'workstation.status': defineHandler({
    name: 'workstation.status',
    summary: '查看工作站数据库状态',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: (ctx): WorkstationStatus => ({
      file: ctx.db.name,
      schemaVersion: schemaVersion(ctx.db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      workstationId: getSetting(ctx.db, 'workstation.id') ?? '',
      createdAt: getSetting(ctx.db, 'workstation.created_at') ?? '',
    }),
  }),
} as const;

/** `qbank init`: create (or upgrade) the workstation database. */
import { existsSync } from 'node:fs';
import { createContext } from '../../services/context.js';
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { closeWorkstation, openWorkstation } from '../../services/workstation.js';
import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: '新建或升级工作站数据库 (create or upgrade the database)',
  help: ['用法: qbank init [--db 文件]', '', '新建数据库文件并建立全部表；已存在时升级到本程序的结构版本（只前进，不回退）。'].join('\n'),
  options: {},
  async run({ io, dbFile }) {
    const existed = existsSync(dbFile);
    const db = openWorkstation(dbFile, { create: true });
    try {
      const status = await invoke(createContext(db), handlers['workstation.status'], {});
      io.out(
        `${existed ? '已打开' : '已新建'}数据库 ${status.file}\n` +
          `结构版本 (schema version): ${status.schemaVersion}/${status.latestSchemaVersion}\n` +
          `工作站标识 (workstation id): ${status.workstationId}\n`,
      );
      return 0;
    } finally {
      closeWorkstation(db);
    }
  },
};

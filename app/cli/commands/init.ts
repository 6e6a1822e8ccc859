/** `qbank init`: create the encrypted workstation with its 三员, or upgrade an existing one. */
import { existsSync, statSync } from 'node:fs';
import { workstationSecretRefusal } from '../../domain/workstation-secret.js';
import { createContext } from '../../services/context.js';
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { closeWorkstation, initWorkstation } from '../../services/workstation/handlers.js';
import { workstationSecret } from '../auth.js';
import { UsageError, type Command } from '../command.js';

/** The secret policy (app/domain/workstation-secret.ts), as the help of init and rekey states it. */
export const SECRET_POLICY_HELP = [
  '新工作站口令至少 12 个字符，并包含小写字母、大写字母、数字、符号、汉字（或其他文字）中的至少 3 类；',
  '密钥文件至少 32 字节的随机数据（全部相同、重复片段或依次递增的内容不被接受）。',
].join('\n');

export const initCommand: Command = {
  name: 'init',
  summary: '新建（加密）或升级工作站数据库 (create or upgrade the database)',
  help: [
    '用法: qbank init [--db 文件] (--passphrase-file 文件 | --key-file 文件) [--allow-unverified-target]',
    '',
    '新建加密的数据库，建立全部表和审计签名密钥，并创建三员账号（系统管理员 sysadmin、',
    '安全保密管理员 secadmin、安全审计员 auditor），打印各自的一次性初始口令（首次登录须修改）。',
    '数据库已存在时只升级到本程序的结构版本（只前进，不回退）。',
    '工作站口令也可由环境变量 QBANK_PASSPHRASE_FILE / QBANK_PASSPHRASE / QBANK_KEY_FILE 给出。',
    '--allow-unverified-target：在无法核验存储设备的系统上（Windows、macOS）建立工作站，记入权限登记表；',
    '此后是否允许由安全保密管理员决定。',
    '',
    SECRET_POLICY_HELP,
  ].join('\n'),
  options: { 'passphrase-file': { type: 'string' }, 'key-file': { type: 'string' }, 'allow-unverified-target': { type: 'boolean' } },
  async run(ctx) {
    const secret = workstationSecret(ctx);
    const isNew = !existsSync(ctx.dbFile) || statSync(ctx.dbFile).size === 0;
    const refusal = isNew ? workstationSecretRefusal(secret) : undefined;
    if (refusal !== undefined) throw new UsageError(`不能新建工作站：${refusal}`);
    const result = await initWorkstation(ctx.dbFile, secret, undefined, { allowUnverifiedTarget: ctx.values['allow-unverified-target'] === true });
    try {
      const status = await invoke(createContext(result.db, { secret }), handlers['workstation.status'], {});
      ctx.io.out(
        `${result.created ? '已新建' : '已打开'}数据库 ${status.file}（${status.encrypted ? '已加密' : '未加密'}）\n` +
          `结构版本 (schema version): ${status.schemaVersion}/${status.latestSchemaVersion}\n` +
          `工作站标识 (workstation id): ${status.workstationId}\n`,
      );
      if (result.admins.length > 0) {
        ctx.io.out('三员账号的一次性初始口令（只显示这一次，请分别交给本人，首次登录须修改）:\n');
        for (const a of result.admins) ctx.io.out(`  ${a.roleName}\t${a.username}\t${a.initialPassword}\n`);
      }
      return 0;
    } finally {
      closeWorkstation(result.db);
    }
  },
};

/** `qbank passwd`, `qbank whoami` and `qbank rekey`: one's own session and the workstation secret. */
import { roleNames } from '../../domain/roles.js';
import { workstationSecretRefusal } from '../../domain/workstation-secret.js';
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { AUTH_OPTIONS, secretText, withSession, workstationSecret } from '../auth.js';
import { UsageError, type Command } from '../command.js';
import { AUTH_HELP } from '../group.js';
import { SECRET_POLICY_HELP } from './init.js';

export const passwdCommand: Command = {
  name: 'passwd',
  summary: '修改本人口令 (change your password)',
  help: ['用法: qbank passwd --new-password-file 文件', '', '新口令也可由环境变量 QBANK_NEW_PASSWORD_FILE / QBANK_NEW_PASSWORD 给出。', '', AUTH_HELP].join('\n'),
  options: { ...AUTH_OPTIONS, 'new-password-file': { type: 'string' } },
  async run(ctx) {
    const next = secretText(ctx, 'new-password-file', 'QBANK_NEW_PASSWORD', '新口令');
    if (next === undefined) throw new UsageError('需要新口令：用 --new-password-file 文件 或环境变量 QBANK_NEW_PASSWORD');
    const current = secretText(ctx, 'password-file', 'QBANK_PASSWORD', '口令') ?? '';
    await withSession(ctx, (s) => invoke(s, handlers['session.changePassword'], { current, next }));
    ctx.io.out('口令已修改 (password changed)\n');
    return 0;
  },
};

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: '查看当前账号 (who am I)',
  help: ['用法: qbank whoami', '', AUTH_HELP].join('\n'),
  options: { ...AUTH_OPTIONS },
  async run(ctx) {
    const me = await withSession(ctx, (s) => invoke(s, handlers['session.whoami'], {}));
    ctx.io.out(`${me.username}\t${me.displayName}\t${me.roles.map((r) => roleNames[r]).join('、') || '—'}${me.restricted ? '\t须先修改口令' : ''}\n`);
    return 0;
  },
};

export const rekeyCommand: Command = {
  name: 'rekey',
  summary: '更换数据库口令或密钥文件 (re-encrypt the database)',
  help: [
    '用法: qbank rekey (--new-passphrase-file 文件 | --new-key-file 文件)',
    '',
    '系统管理员用当前口令打开数据库，以新口令重新加密整个文件；此后旧口令失效。',
    '新口令也可由环境变量 QBANK_NEW_PASSPHRASE_FILE / QBANK_NEW_PASSPHRASE 给出。',
    SECRET_POLICY_HELP,
    '',
    AUTH_HELP,
  ].join('\n'),
  options: { ...AUTH_OPTIONS, 'new-passphrase-file': { type: 'string' }, 'new-key-file': { type: 'string' } },
  async run(ctx) {
    const next = workstationSecret(ctx, 'new-');
    const refusal = workstationSecretRefusal(next);
    if (refusal !== undefined) throw new UsageError(`不能更换数据库口令：${refusal}`);
    const input = next.kind === 'keyFile' ? { next: { kind: 'keyFile', bytes: new Uint8Array(next.bytes) } } : { next };
    await withSession(ctx, (s) => invoke(s, handlers['workstation.rekey'], input));
    ctx.io.out('数据库已用新口令重新加密；旧口令已失效 (database re-encrypted)\n');
    return 0;
  },
};

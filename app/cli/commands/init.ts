/** `qbank init`: create the encrypted workstation with its 三员, or upgrade an existing one. */
import { existsSync, statSync } from 'node:fs';
import { workstationSecretRefusal } from '../../domain/workstation-secret.js';
import { createContext } from '../../services/context.js';
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { closeWorkstation, initWorkstation } from '../../services/workstation/handlers.js';
import { workstationSecret } from '../auth.js';
import { UsageError, type Command } from '../command.js';
import { initText } from '../messages/init.js';

/** The secret policy (app/domain/workstation-secret.ts), as the help of init and rekey states it. */
export const SECRET_POLICY_HELP = initText.secretPolicyHelp;

export const initCommand: Command = {
  name: 'init',
  summary: initText.summary,
  help: [initText.help, '', SECRET_POLICY_HELP].join('\n'),
  options: { 'passphrase-file': { type: 'string' }, 'key-file': { type: 'string' }, 'allow-unverified-target': { type: 'boolean' } },
  async run(ctx) {
    const secret = workstationSecret(ctx);
    const isNew = !existsSync(ctx.dbFile) || statSync(ctx.dbFile).size === 0;
    const refusal = isNew ? workstationSecretRefusal(secret) : undefined;
    if (refusal !== undefined) throw new UsageError(initText.refused(refusal));
    const result = await initWorkstation(ctx.dbFile, secret, undefined, { allowUnverifiedTarget: ctx.values['allow-unverified-target'] === true });
    try {
      const status = await invoke(createContext(result.db, { secret }), handlers['workstation.status'], {});
      ctx.io.out(
        `${initText.opened(result.created, status.file, status.encrypted)}\n` +
          `${initText.schemaVersion(status.schemaVersion, status.latestSchemaVersion)}\n` +
          `${initText.workstationId(status.workstationId)}\n`,
      );
      if (result.admins.length > 0) {
        ctx.io.out(`${initText.initialPasswords}\n`);
        for (const a of result.admins) ctx.io.out(`  ${a.roleName}\t${a.username}\t${a.initialPassword}\n`);
      }
      return 0;
    } finally {
      closeWorkstation(result.db);
    }
  },
};

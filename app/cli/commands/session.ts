/** `qbank passwd`, `qbank whoami` and `qbank rekey`: one's own session and the workstation secret. */
import { roleNames } from '../../domain/roles.js';
import { workstationSecretRefusal } from '../../domain/workstation-secret.js';
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { AUTH_OPTIONS, secretText, withSession, workstationSecret } from '../auth.js';
import { UsageError, type Command } from '../command.js';
import { AUTH_HELP } from '../group.js';
import { authText } from '../messages/auth.js';
import { sessionText } from '../messages/session.js';
import { SECRET_POLICY_HELP } from './init.js';

export const passwdCommand: Command = {
  name: 'passwd',
  summary: sessionText.passwdSummary,
  help: [sessionText.passwdUsage, '', sessionText.passwdEnvironment, '', AUTH_HELP].join('\n'),
  options: { ...AUTH_OPTIONS, 'new-password-file': { type: 'string' } },
  async run(ctx) {
    const next = secretText(ctx, 'new-password-file', 'QBANK_NEW_PASSWORD', sessionText.newPassword);
    if (next === undefined) throw new UsageError(sessionText.newPasswordNeeded);
    const current = secretText(ctx, 'password-file', 'QBANK_PASSWORD', authText.password) ?? '';
    await withSession(ctx, (s) => invoke(s, handlers['session.changePassword'], { current, next }));
    ctx.io.out(`${sessionText.passwordChanged}\n`);
    return 0;
  },
};

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: sessionText.whoamiSummary,
  help: [sessionText.whoamiUsage, '', AUTH_HELP].join('\n'),
  options: { ...AUTH_OPTIONS },
  async run(ctx) {
    const me = await withSession(ctx, (s) => invoke(s, handlers['session.whoami'], {}));
    ctx.io.out(`${me.username}\t${me.displayName}\t${me.roles.map((r) => roleNames[r]).join(sessionText.roleSeparator) || '—'}${me.restricted ? sessionText.mustChangePassword : ''}\n`);
    return 0;
  },
};

export const rekeyCommand: Command = {
  name: 'rekey',
  summary: sessionText.rekeySummary,
  help: [sessionText.rekeyHelp, SECRET_POLICY_HELP, '', AUTH_HELP].join('\n'),
  options: { ...AUTH_OPTIONS, 'new-passphrase-file': { type: 'string' }, 'new-key-file': { type: 'string' } },
  async run(ctx) {
    const next = workstationSecret(ctx, 'new-');
    const refusal = workstationSecretRefusal(next);
    if (refusal !== undefined) throw new UsageError(sessionText.rekeyRefused(refusal));
    const input = next.kind === 'keyFile' ? { next: { kind: 'keyFile', bytes: new Uint8Array(next.bytes) } } : { next };
    await withSession(ctx, (s) => invoke(s, handlers['workstation.rekey'], input));
    ctx.io.out(`${sessionText.rekeyed}\n`);
    return 0;
  },
};

/** `qbank certs …`: the workstation's own certificate authority and each signer's certificate (issue [F]). */
import { handlers } from '../../services/registry.js';
import type { CertificateView } from '../../services/review/certificates.js';
import { stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand } from '../group.js';
import { certsText as T } from '../messages/certs.js';

const line = (c: CertificateView) => T.line(c.serial, T.kinds[c.kind] ?? c.kind, c.holder, c.username, c.status, c.notAfter, c.fingerprint);

export const certsCommand = groupCommand(
  'certs',
  T.summary,
  [
    {
      name: 'list',
      usage: T.listUsage,
      summary: T.listSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['certs.list'], {}, (all) => (all.length === 0 ? [T.noCertificates] : [T.listHeader, ...all.map(line)]))),
    },
    {
      name: 'ca-create',
      usage: T.caCreateUsage,
      summary: T.caCreateSummary,
      run: async (ctx, s) => {
        const name = stringOption(ctx, 'name');
        await call(ctx, s, handlers['certs.ca.create'], name === undefined ? {} : { name }, (c) => [T.caCreated(c.serial, c.fingerprint, c.notAfter), T.caPin]);
      },
    },
    {
      name: 'request',
      usage: T.requestUsage,
      summary: T.requestSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['certs.request'], {}, (c) => [T.requested(c.serial, c.status), ...(c.status === '待签发' ? [T.requestNext(c.username)] : [])])),
    },
    {
      name: 'issue',
      usage: T.issueUsage,
      summary: T.issueSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['certs.issue'], { username: arg(args, 0, T.username) }, (c) => [T.issued(c.username, c.holder, c.serial, c.notAfter)])),
    },
    {
      name: 'revoke',
      usage: T.revokeUsage,
      summary: T.revokeSummary,
      run: async (ctx, s, args) => {
        const serial = arg(args, 0, T.serial);
        const reason = stringOption(ctx, 'reason');
        if (reason === undefined) throw new UsageError(T.missingReason);
        await call(ctx, s, handlers['certs.revoke'], { serial, reason }, (c) => [T.revoked(c.serial, c.revokeReason)]);
      },
    },
  ],
  { name: { type: 'string' }, reason: { type: 'string' } },
);

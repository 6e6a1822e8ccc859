/**
 * Who signs a package: the exporting officer, with the certificate the workstation CA issued them
 * (issue [F]); their key opens only with their own login. The CA and its latest CRL travel with the
 * package so a receiver can check the signature against the CA fingerprint it has pinned.
 */
import { PermissionDeniedError, ServiceError } from '../errors.js';
import type { ServiceContext } from '../context.js';
import { certificateMessages } from '../review/certificate-messages.js';
import { openWrappedKey, trustFiles, usableCertificate } from '../review/certificates.js';
import type { PackageSigner } from './build.js';

export function packageSigner(ctx: ServiceContext): PackageSigner {
  if (ctx.actor.id === null) throw new PermissionDeniedError(certificateMessages.noSigner);
  const cert = usableCertificate(ctx, ctx.actor.id);
  if (!cert) throw new ServiceError(certificateMessages.noUsable(ctx.actor.username));
  const trust = trustFiles(ctx);
  return { certificatePem: cert.certificatePem, privateKey: openWrappedKey(ctx, cert), caPem: trust.caPem, crlPem: trust.crlPem, name: ctx.actor.displayName || ctx.actor.username };
}

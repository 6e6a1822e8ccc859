/**
 * The demo's upload station (issue [G] 12): a self-signed recipient certificate and its key as a
 * PKCS#12 file, as an institution's upload station would hand over its certificate and keep its key.
 * For the demo only — a real recipient makes its own key and never gives it to the workstation.
 */
import { createPkcs12, createRecipientCertificate } from '../../../crypto/pkcs12.js';

export interface DemoRecipient {
  readonly certificatePem: string;
  readonly p12: Buffer;
  readonly password: string;
}

export function demoRecipient(name: string, organization: string, password: string, notBefore: Date): DemoRecipient {
  const { certificatePem, privateKey } = createRecipientCertificate({ subject: { commonName: name, organization }, notBefore });
  return { certificatePem, p12: createPkcs12({ privateKey, certificatePem, password, friendlyName: name }), password };
}

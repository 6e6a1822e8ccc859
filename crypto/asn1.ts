/** node-forge's ASN.1 toolkit under the short names every DER builder and parser here uses. */
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
export const { asn1 } = forge;
export const UNIVERSAL = asn1.Class.UNIVERSAL;
export const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;
export const T = asn1.Type;

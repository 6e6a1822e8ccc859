/**
 * The one policy for the workstation secret, applied wherever a secret is chosen: `qbank init` of a
 * new workstation, `qbank rekey` and the `workstation.rekey` handler (issue 11, point 7). Opening an
 * existing workstation is never refused by it (a weak secret chosen earlier is replaced by rekey).
 * - Passphrase: at least 12 characters (Unicode code points after NFC) from at least three of five
 *   classes: lowercase letters, uppercase letters, digits, symbols (punctuation, signs, spaces),
 *   and 汉字 or other letters without case.
 * - Key file: at least 32 bytes (the database key is SHA-256 of it), and not obviously non-random:
 *   at least 12 different byte values, not one block repeated, not a counting sequence (each byte
 *   the previous plus a constant). 32 random bytes pass with certainty in practice (≈ 30 distinct
 *   values); all-zero or all-same files, short patterns and 00 01 02 … are refused.
 */
import { z } from 'zod';

export const MIN_PASSPHRASE_CHARS = 12;
export const MIN_PASSPHRASE_CLASSES = 3;
export const MIN_KEY_FILE_BYTES = 32;
export const MIN_KEY_FILE_DISTINCT_BYTES = 12;

/** A secret as chosen (the same shape as crypto/database-key.ts WorkstationSecret). */
export type ChosenSecret = { readonly kind: 'passphrase'; readonly passphrase: string } | { readonly kind: 'keyFile'; readonly bytes: Uint8Array };

/** The five character classes of a passphrase, in the order the messages name them. */
export const PASSPHRASE_CLASSES = [
  { name: '小写字母', test: /\p{Ll}/u },
  { name: '大写字母', test: /\p{Lu}/u },
  { name: '数字', test: /\p{N}/u },
  { name: '符号', test: /[\p{P}\p{S}\p{Z}]/u },
  { name: '汉字或其他文字', test: /[\p{Lo}\p{Lt}\p{Lm}]/u },
] as const;

/** Which classes a passphrase uses (names in the order of PASSPHRASE_CLASSES). */
export function passphraseClasses(passphrase: string): string[] {
  return PASSPHRASE_CLASSES.filter((c) => c.test.test(passphrase)).map((c) => c.name);
}

/** What is wrong with a new workstation passphrase (empty when it is acceptable). */
export function passphraseProblems(passphrase: string): string[] {
  const out: string[] = [];
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_PASSPHRASE_CHARS) out.push(`工作站口令至少 ${MIN_PASSPHRASE_CHARS} 个字符（现为 ${length} 个）`);
  const used = passphraseClasses(passphrase);
  if (used.length < MIN_PASSPHRASE_CLASSES) {
    out.push(
      `工作站口令须包含${PASSPHRASE_CLASSES.map((c) => c.name).join('、')}中的至少 ${MIN_PASSPHRASE_CLASSES} 类（现有 ${used.length} 类${used.length > 0 ? `：${used.join('、')}` : ''}）`,
    );
  }
  return out;
}

/** The shortest period p < length with bytes[i] = bytes[i - p] for all i, or 0 when there is none ≤ length / 2. */
function repeatedBlock(bytes: Uint8Array): number {
  for (let p = 1; p <= bytes.length / 2; p++) {
    let periodic = true;
    for (let i = p; i < bytes.length && periodic; i++) periodic = bytes[i] === bytes[i - p];
    if (periodic) return p;
  }
  return 0;
}

function isCountingSequence(bytes: Uint8Array): boolean {
  const step = ((bytes[1] ?? 0) - (bytes[0] ?? 0) + 256) % 256;
  for (let i = 2; i < bytes.length; i++) if (((bytes[i] ?? 0) - (bytes[i - 1] ?? 0) + 256) % 256 !== step) return false;
  return true;
}

/** What is wrong with a new key file (empty when it is acceptable). */
export function keyFileProblems(bytes: Uint8Array): string[] {
  if (bytes.length < MIN_KEY_FILE_BYTES) return [`密钥文件至少 ${MIN_KEY_FILE_BYTES} 字节（现为 ${bytes.length} 字节）`];
  const notRandom = '密钥文件的内容不像随机数据';
  const distinct = new Set(bytes).size;
  if (distinct < MIN_KEY_FILE_DISTINCT_BYTES) {
    return [`${notRandom}：只有 ${distinct} 种不同的字节值（至少需要 ${MIN_KEY_FILE_DISTINCT_BYTES} 种）；请用随机数发生器生成密钥文件`];
  }
  const period = repeatedBlock(bytes);
  if (period > 0) return [`${notRandom}：由一段 ${period} 字节的内容重复组成；请用随机数发生器生成密钥文件`];
  if (isCountingSequence(bytes)) return [`${notRandom}：字节依次等差递增或递减；请用随机数发生器生成密钥文件`];
  return [];
}

/** What is wrong with a new workstation secret (empty when it is acceptable). */
export function workstationSecretProblems(secret: ChosenSecret): string[] {
  return secret.kind === 'passphrase' ? passphraseProblems(secret.passphrase) : keyFileProblems(secret.bytes);
}

/** One Chinese sentence for a refused secret, or undefined when it is acceptable. */
export function workstationSecretRefusal(secret: ChosenSecret): string | undefined {
  const problems = workstationSecretProblems(secret);
  return problems.length === 0 ? undefined : problems.join('；');
}

const chosenSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase: z.string() }),
  z.object({ kind: z.literal('keyFile'), bytes: z.instanceof(Uint8Array) }),
]);

/**
 * Input of the rekey handler: the new secret, refused by the same policy (messages without a field
 * label, as they name the secret themselves).
 */
export const newSecretInputSchema = z.object({ next: chosenSecretSchema }).superRefine((input, ctx) => {
  for (const message of workstationSecretProblems(input.next)) ctx.addIssue({ code: 'custom', message });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../app/domain/validation.js';
import {
  keyFileProblems,
  newSecretInputSchema,
  passphraseClasses,
  passphraseProblems,
  workstationSecretProblems,
  workstationSecretRefusal,
} from '../../../app/domain/workstation-secret.js';

const DEMO_PASSPHRASE = '样例工作站口令-Demo-2026!';

describe('workstation-secret', () => {
  describe('#passphraseProblems', () => {
    it('refuses a 1-character passphrase, naming the length and the classes', () => {
      expect(passphraseProblems('a')).toEqual(['工作站口令至少 12 个字符（现为 1 个）', '工作站口令须包含小写字母、大写字母、数字、符号、汉字或其他文字中的至少 3 类（现有 1 类：小写字母）']);
    });

    it('refuses 11 characters even with every class', () => {
      expect(passphraseProblems('Ab1-口令Ab1-xy')).toEqual([]);
      expect(passphraseProblems('Ab1-口令Ab1-x')).toEqual(['工作站口令至少 12 个字符（现为 11 个）']);
    });

    it('refuses two classes only, however long', () => {
      for (const p of ['correcthorsebatterystaple1', 'CORRECT-HORSE-BATTERY', '工作站的口令应当足够长而且难猜', '123456789012345678']) {
        expect(passphraseProblems(p), p).toHaveLength(1);
        expect(passphraseProblems(p)[0], p).toMatch(/至少 3 类（现有 [12] 类/);
      }
    });

    it('counts characters, not UTF-16 units or bytes, after NFC', () => {
      expect(passphraseProblems('口令口令Ab1-口令口令')).toEqual([]);
      expect(passphraseProblems('𠀀𠀀𠀀𠀀Ab1-𠀀𠀀𠀀')).toEqual(['工作站口令至少 12 个字符（现为 11 个）']);
      expect(passphraseProblems('e\u0301e\u0301e\u0301Ab1-xyzw')).toEqual(['工作站口令至少 12 个字符（现为 11 个）']);
    });

    it('knows the five classes: lowercase, uppercase, digits, symbols (and spaces), 汉字 or other letters', () => {
      expect(passphraseClasses('aZ9 口')).toEqual(['小写字母', '大写字母', '数字', '符号', '汉字或其他文字']);
      expect(passphraseClasses('!@#')).toEqual(['符号']);
    });

    it('accepts the demo and test passphrases', () => {
      for (const p of [DEMO_PASSPHRASE, '测试工作站口令-Test-2026!', '新的工作站口令-Rekey-2026', 'Bench-工作站口令-2026', 'correct horse Battery']) {
        expect(passphraseProblems(p), p).toEqual([]);
      }
    });
  });

  describe('#keyFileProblems', () => {
    it('refuses a 1-byte and a 31-byte key file', () => {
      expect(keyFileProblems(new Uint8Array([7]))).toEqual(['密钥文件至少 32 字节（现为 1 字节）']);
      expect(keyFileProblems(randomBytes(31))).toEqual(['密钥文件至少 32 字节（现为 31 字节）']);
    });

    it('refuses 32 zero bytes and other files with few byte values', () => {
      expect(keyFileProblems(new Uint8Array(32))).toEqual(['密钥文件的内容不像随机数据：只有 1 种不同的字节值（至少需要 12 种）；请用随机数发生器生成密钥文件']);
      expect(keyFileProblems(new Uint8Array(4096).fill(0xff))[0]).toContain('只有 1 种');
      expect(keyFileProblems(Buffer.from('0101010110101010010101011010101001'))[0]).toContain('只有 2 种');
    });

    it('refuses a repeated block and a counting sequence', () => {
      expect(keyFileProblems(Buffer.from('0123456789abcdef'.repeat(2)))).toEqual(['密钥文件的内容不像随机数据：由一段 16 字节的内容重复组成；请用随机数发生器生成密钥文件']);
      const block = randomBytes(20);
      expect(keyFileProblems(Buffer.concat([block, block, block.subarray(0, 5)]))[0]).toContain('由一段 20 字节的内容重复组成');
      expect(keyFileProblems(Uint8Array.from({ length: 64 }, (_, i) => i))[0]).toContain('依次等差递增或递减');
      expect(keyFileProblems(Uint8Array.from({ length: 300 }, (_, i) => (255 - 3 * i) & 0xff))[0]).toContain('依次等差递增或递减');
    });

    it('accepts random bytes of 32 bytes and more, and a random hex text file', () => {
      for (let i = 0; i < 200; i++) expect(keyFileProblems(randomBytes(32))).toEqual([]);
      expect(keyFileProblems(randomBytes(4096))).toEqual([]);
      expect(keyFileProblems(Buffer.from(`${randomBytes(32).toString('hex')}\n`))).toEqual([]);
    });
  });

  describe('#workstationSecretProblems', () => {
    it('dispatches on the kind and joins the refusal into one sentence', () => {
      expect(workstationSecretProblems({ kind: 'passphrase', passphrase: DEMO_PASSPHRASE })).toEqual([]);
      expect(workstationSecretRefusal({ kind: 'keyFile', bytes: randomBytes(32) })).toBeUndefined();
      expect(workstationSecretRefusal({ kind: 'passphrase', passphrase: 'x' })).toBe(
        '工作站口令至少 12 个字符（现为 1 个）；工作站口令须包含小写字母、大写字母、数字、符号、汉字或其他文字中的至少 3 类（现有 1 类：小写字母）',
      );
    });
  });

  describe('newSecretInputSchema', () => {
    it('refuses what the policy refuses, with the policy’s message and no field label', () => {
      const result = validate(newSecretInputSchema, { next: { kind: 'keyFile', bytes: new Uint8Array(32) } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => [p.field, p.message])).toEqual([['', expect.stringContaining('只有 1 种不同的字节值') as unknown]]);
      expect(validate(newSecretInputSchema, { next: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE } }).ok).toBe(true);
    });
  });
});

/**
 * The chain scan lets SQLite write each row's canonical JSON (json_quote) while rows are hashed at
 * append time with JSON.stringify (domain/audit.ts). The two must agree on every text the program
 * can store, or an untouched log would look broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { wellFormedText } from '../../../app/domain/audit.js';

describe('json_quote of SQLite and JSON.stringify', () => {
  const db = new Database(':memory:');
  const quote = db.prepare('SELECT json_quote(?)').pluck();

  it('agree on any text once lone surrogates are replaced', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const text = wellFormedText(raw);
        expect(quote.get(text)).toBe(JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on every control character, quote, backslash, DEL and the line separators', () => {
    for (let c = 0; c < 0x80; c++) expect(quote.get(String.fromCharCode(c))).toBe(JSON.stringify(String.fromCharCode(c)));
    for (const s of ['\u2028', '\u2029', '\uFEFF', '机密★启用前', '😀']) expect(quote.get(s)).toBe(JSON.stringify(s));
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(wellFormedText('a\uD800b')).toBe('a\uFFFDb');
    expect(wellFormedText('\uDC00')).toBe('\uFFFD');
    expect(wellFormedText('😀')).toBe('😀');
  });
});

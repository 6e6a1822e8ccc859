/**
 * Migration 0160 carries existing log rows over by letting SQLite write each row's canonical text
 * (json_array), while rows were hashed with JSON.stringify (domain/audit.ts). The two must agree on
 * every text the program can store, or an untouched upgraded log would look broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { canonicalAuditRow, wellFormedText } from '../../../app/domain/audit.js';

describe('SQLite json_array and the canonical row', () => {
  const db = new Database(':memory:');
  const quote = db.prepare('SELECT json_quote(?)').pluck();
  // integer columns, as in the table the migration reads
  const row = db.prepare('SELECT json_array(CAST(? AS INTEGER), ?, ?, CAST(? AS INTEGER), ?, ?, json(?), ?, ?)').pluck();

  it('agree on any row once lone surrogates are replaced', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map(wellFormedText);
    fc.assert(
      fc.property(fc.nat(), text, text, fc.option(fc.nat(), { nil: null }), text, fc.array(text, { maxLength: 4 }), text, (seq, at, actor, actorId, action, objects, detail) => {
        const r = { seq, at, actor, actorId, action, register: '调阅' as const, objects, result: 'ok' as const, detail };
        expect(row.get(seq, at, actor, actorId, action, '调阅', JSON.stringify(objects), 'ok', detail)).toBe(canonicalAuditRow(r));
      }),
      { numRuns: 2000 },
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

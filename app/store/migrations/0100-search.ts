import type { Migration } from './index.js';

/**
 * Full-text search of item text (issue [C] part 7). Most Chinese search terms are one or two
 * characters (投影, 尺寸, 公差), which FTS5's trigram tokenizer cannot look up, and walking the
 * matches of a common term row by row (an FTS5 doclist, or one B-tree row per gram and item, with a
 * lookup per filter) costs about 1 µs per matching item: 15–40 ms for a term found in most of a
 * 30 000-item bank. So terms and filters are kept as compressed sets of item ids, per bank, that a
 * query reads in a few rows and intersects as bitmaps (repositories/search.ts). Item ids are cut
 * into blocks of 4096 (block = id >> 12; offset = id & 4095):
 *
 * - `search_postings (bank_id, gram, block, ids)`: for every distinct unigram, bigram and trigram of
 *   an item's normalised text (NFKC, lower case, whitespace and control characters removed), the
 *   items of the bank containing it. `ids` is either a sorted array of 16-bit little-endian offsets
 *   (fewer than 256 items, 2–510 bytes) or a 512-byte bitmap (bit n of byte k = offset 8k + n).
 *   Written by the repository on every save of a version.
 * - `search_attributes (bank_id, attribute, block, bits)`: 512-byte bitmaps, same layout, of the
 *   bank's items (`*`) and of those with `type=…`, `state=…`, `difficulty=…`, `version=…` (current
 *   version) and `element=…` for the binding and each prefix of it (`B`, `B-A`, `B-A-A`,
 *   `B-A-A-001`). Kept in step with `items` by the triggers below, so a state change or a new
 *   version needs no call into the search code.
 * - `search_text (item_id, text)`: the normalised text last indexed, to verify terms of four or
 *   more characters (their trigrams only narrow the candidates) and to remove exactly the grams an
 *   item had when its text changes. Item text is already in `item_versions` of the same encrypted
 *   file; secure_delete wipes what is deleted.
 *
 * Postings are filed under the item's bank, so an item with indexed text may not change bank or be
 * deleted (the program does neither; remove its search text first). Items that existed before this
 * migration get their attribute bitmaps here and are found by their text once the service has
 * indexed it (replaceSearchTexts with each item's current version).
 */

/**
 * The attributes of the item `row` (`new`/`old` in a trigger) other than its element prefixes, as
 * rows with an `attribute` column; with `from` (a FROM clause naming `row`), rows (id, attribute).
 */
const plainAttributes = (row: string, from = '') => {
  const select = (attribute: string, where = '') =>
    `SELECT ${from ? `${row}.id AS id, ` : ''}${attribute} AS attribute ${from} ${where}`;
  return [
    select(`'*'`),
    select(`'type=' || ${row}.type`),
    select(`'state=' || ${row}.state`),
    select(`'difficulty=' || ${row}.difficulty`, `WHERE ${row}.difficulty IS NOT NULL`),
    select(`'version=' || ${row}.current_version`),
  ].join(' UNION ALL ');
};

/**
 * The element attributes of the item `row`: its binding and every prefix ending before a '-'
 * (B, B-A, B-A-A, B-A-A-001). The binding is split on '-' with json_each and the segment lengths
 * (plus one for the '-') are summed up to each segment.
 */
const elementAttributes = (row: string, from = '') => {
  const segments = `json_each('[' || replace(json_quote(${row}.binding), '-', '","') || ']') AS segment`;
  const end = `sum(length(segment.value) + 1) OVER (PARTITION BY ${row}.id ORDER BY segment.key) - 1`;
  return (
    `SELECT ${from ? `${row}.id AS id, ` : ''}'element=' || substr(${row}.binding, 1, ${end}) AS attribute ` +
    `${from ? `${from},` : 'FROM'} ${segments} WHERE ${row}.binding <> ''`
  );
};

const allAttributes = (row: string, from = '') => `${plainAttributes(row, from)} UNION ALL ${elementAttributes(row, from)}`;

const HEX_DIGITS = "'0123456789ABCDEF'";
/** The value 0–255 of the byte at `k` (0-based) of `bits`, read through hex(). */
const byteAt = (bits: string, k: string) => {
  const hex = `hex(substr(${bits}, ${k} + 1, 1))`;
  return `((instr(${HEX_DIGITS}, substr(${hex}, 1, 1)) - 1) * 16 + instr(${HEX_DIGITS}, substr(${hex}, 2, 1)) - 1)`;
};
/** `bits` with byte `k` replaced by `value` (|| joins blobs byte for byte; the CAST keeps a BLOB). */
const withByte = (bits: string, k: string, value: string) =>
  `CAST(substr(${bits}, 1, ${k}) || unhex(printf('%02X', ${value})) || substr(${bits}, ${k} + 2) AS BLOB)`;

/** `bits` with the bit of `offset` (0–4095) set or cleared. */
function withBit(bits: string, offset: string, on: boolean): string {
  const k = `((${offset}) >> 3)`;
  const mask = `(1 << ((${offset}) & 7))`;
  return withByte(bits, k, on ? `(${byteAt(bits, k)} | ${mask})` : `(${byteAt(bits, k)} & ~${mask})`);
}

/** `bits` OR `single`, a bitmap with one bit set (its byte is the last one that is not zero). */
function withBitOf(bits: string, single: string): string {
  const k = `((length(rtrim(hex(${single}), '0')) - 1) / 2)`;
  return withByte(bits, k, `(${byteAt(bits, k)} | ${byteAt(single, k)})`);
}

/** Sets the bit of item `id` in the bitmaps of bank `bank` for the rows of `attributes`. */
const setBits = (bank: string, id: string, attributes: string) => `
  INSERT INTO search_attributes (bank_id, attribute, block, bits)
    SELECT ${bank}, attribute, ${id} >> 12, ${withBit('zeroblob(512)', `${id} & 4095`, true)} FROM (${attributes}) WHERE true
    ON CONFLICT (bank_id, attribute, block) DO UPDATE SET bits = ${withBit('bits', `${id} & 4095`, true)};`;

/**
 * Clears the bit of item `id` in the bitmaps of bank `bank` named by `attributes`, and drops the
 * bitmaps that become empty. `attributes` is a query with an `attribute` column, or, faster in a
 * trigger, one expression (an IN subquery costs ~50 µs per trigger run, an equality ~5 µs).
 */
const clearBits = (bank: string, id: string, attributes: string, single = false) => {
  const which = single ? `attribute = ${attributes}` : `attribute IN (${attributes})`;
  return `
  UPDATE search_attributes SET bits = ${withBit('bits', `${id} & 4095`, false)}
    WHERE bank_id = ${bank} AND ${which} AND block = ${id} >> 12;
  DELETE FROM search_attributes WHERE bank_id = ${bank} AND ${which} AND block = ${id} >> 12 AND bits = zeroblob(512);`;
};

/**
 * Moves the item's bit from the old value's bitmaps to the new value's, within its (new) bank;
 * clearing first keeps what both values share (element prefixes). The triggers commute: when one
 * UPDATE changes the bank too, search_items_bank moves every attribute, and these only clear old
 * values and set new ones in the new bank.
 */
const columnTrigger = (column: string, attribute: string) => `
  CREATE TRIGGER search_items_${column} AFTER UPDATE OF ${column} ON items WHEN old.${column} IS NOT new.${column}
  BEGIN
    ${clearBits('new.bank_id', 'new.id', `'${attribute}=' || old.${column}`, true)}
    ${setBits('new.bank_id', 'new.id', `SELECT '${attribute}=' || new.${column} AS attribute WHERE new.${column} IS NOT NULL`)}
  END;`;

export const migration0100: Migration = {
  version: 100,
  name: 'search',
  sql: `
    CREATE TABLE search_postings (
      bank_id INTEGER NOT NULL,
      gram    TEXT NOT NULL,
      block   INTEGER NOT NULL CHECK (block >= 0),
      ids     BLOB NOT NULL CHECK (length(ids) BETWEEN 2 AND 512),
      PRIMARY KEY (bank_id, gram, block)
    ) WITHOUT ROWID, STRICT;

    CREATE TABLE search_attributes (
      bank_id   INTEGER NOT NULL,
      attribute TEXT NOT NULL,
      block     INTEGER NOT NULL CHECK (block >= 0),
      bits      BLOB NOT NULL CHECK (length(bits) = 512),
      PRIMARY KEY (bank_id, attribute, block)
    ) WITHOUT ROWID, STRICT;

    CREATE TABLE search_text (
      item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE RESTRICT,
      text    TEXT NOT NULL CHECK (text <> '')
    ) STRICT;

    -- Items that are already there (one-off; each bit is OR-ed into its bitmap).
    INSERT INTO search_attributes (bank_id, attribute, block, bits)
      SELECT i.bank_id, a.attribute, i.id >> 12, ${withBit('zeroblob(512)', 'i.id & 4095', true)}
      FROM (${allAttributes('i', 'FROM items i')}) a JOIN items i ON i.id = a.id WHERE true
      ON CONFLICT (bank_id, attribute, block) DO UPDATE SET bits = ${withBitOf('bits', 'excluded.bits')};

    CREATE TRIGGER search_items_insert AFTER INSERT ON items
    BEGIN ${setBits('new.bank_id', 'new.id', allAttributes('new'))} END;

    CREATE TRIGGER search_items_delete AFTER DELETE ON items
    BEGIN ${clearBits('old.bank_id', 'old.id', allAttributes('old'))} END;

    CREATE TRIGGER search_items_bank AFTER UPDATE OF bank_id ON items WHEN old.bank_id IS NOT new.bank_id
    BEGIN
      ${clearBits('old.bank_id', 'old.id', allAttributes('old'))}
      ${setBits('new.bank_id', 'new.id', allAttributes('new'))}
    END;
    ${columnTrigger('type', 'type')}
    ${columnTrigger('state', 'state')}
    ${columnTrigger('difficulty', 'difficulty')}
    ${columnTrigger('current_version', 'version')}

    CREATE TRIGGER search_items_binding AFTER UPDATE OF binding ON items WHEN old.binding IS NOT new.binding
    BEGIN
      ${clearBits('new.bank_id', 'new.id', elementAttributes('old'))}
      ${setBits('new.bank_id', 'new.id', elementAttributes('new'))}
    END;

    CREATE TRIGGER search_text_keeps_bank BEFORE UPDATE OF bank_id ON items
    WHEN new.bank_id IS NOT old.bank_id AND EXISTS (SELECT 1 FROM search_text WHERE item_id = old.id)
    BEGIN SELECT RAISE(ABORT, '试题已建立检索索引，不能改换题库；请先移除其检索文本'); END;
  `,
};

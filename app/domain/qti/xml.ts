/**
 * Writing XML 1.0 text safely (W3C XML 1.0 §2.2 Char, §2.4 character data): escapes for text and
 * attribute values, characters XML 1.0 cannot carry removed, and a tiny element helper used by the QTI
 * item and manifest builders. Pure functions.
 */

/** Characters outside XML 1.0's `Char` production (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

/** Text content: `&`, `<`, `>` escaped (`>` for `]]>`); CR kept as a character reference. */
export function escapeText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: also `"` and the white space an attribute would normalise away. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** `name="value"` pairs in the order given; undefined values left out. */
export function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

/** An element with already-built content (or empty). */
export function el(name: string, a: Attrs = {}, content = ''): string {
  return content === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

/** Text with line breaks as `<br/>` (inline content of `p`, `simpleChoice`). */
export function textWithBreaks(s: string): string {
  return s.split(/\r\n|\n|\r/).map(escapeText).join('<br/>');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

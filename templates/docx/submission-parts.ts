/**
 * Small text helpers shared by the submission documents (附件6 §三) beyond `kit.ts`: info lines,
 * captions and notes (numbers as people write them: `app/domain/format.ts`).
 */
import type { Paragraph } from 'docx';
import { para, SIZES } from './kit.js';

/** `职业：制图员　　职业编码：3-01-02-07`: label–value pairs separated by two full-width spaces (or `separator`). */
export function infoLine(pairs: readonly (readonly [string, string])[], separator = '　　'): string {
  return pairs.map(([label, value]) => `${label}：${value}`).join(separator);
}

/** Text without its final full stop, to be put into a sentence that adds its own. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[。．.；;，,]+$/u, '');
}

/** Non-empty lines of a free text, trimmed. */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A caption above a table: `表1　…`, 黑体 五号, centred, kept with the table. */
export function caption(text: string): Paragraph {
  return para(text, { font: 'heading', size: SIZES.五号, align: 'center', after: 60, before: 120, keepNext: true });
}

/** A note under a table: 仿宋 五号. */
export function note(text: string): Paragraph {
  return para(text, { font: 'note', size: SIZES.五号, align: 'left', before: 60, after: 60 });
}

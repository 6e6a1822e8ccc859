/**
 * The wording the preview prints, word for word as the .docx templates print it, from the same data
 * (`TheoryPaperData`, `PracticalPaperData`): the papers' wording is the domain's
 * (app/domain/submission/wording/), which the templates use too. Only the candidate's blank fields
 * are laid out here as one line of text (kit.ts writes them as separate runs).
 */

export * from '../../../../domain/submission/wording/theory.js';
export {
  FIGURES_HEADING,
  NOTICE_HEADING_SPACED,
  PAPER_NOTES,
  REQUIREMENTS_HEADING,
  figureCaption,
  lines,
  paperTitle as practicalTitle,
  practicalFirstNote,
  stripNumber,
  taskHeading,
  taskLabels,
} from '../../../../domain/submission/wording/practical.js';
export { paperCodeText as paperCodeLine } from '../../../../domain/submission/wording/theory.js';

/** `姓名____________　　准考证号____…` (kit.ts blankFields, as one line of text). */
export function blankFieldsText(fields: readonly { readonly label: string; readonly blank: number }[]): string {
  return fields.map((f, i) => `${i === 0 ? '' : '　　'}${f.label}${'_'.repeat(f.blank)}`).join('');
}


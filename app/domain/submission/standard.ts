/**
 * The national standard a bank follows and its edition year — one rule for every document that
 * names it: the 编制说明 cites the standard with its edition, the papers' 注意事项 print the edition
 * year (`（2019年版）`). The year is the one written in the standard's title, else the notes' `standardYear`;
 * a title that names one year and a `standardYear` that names another is a conflict the notes refuse
 * and the submission reports. Pure.
 */

/** The year a title names, e.g. 2019 in `《制图员国家职业技能标准》（2019年版）`; undefined when it names none. */
export function titleYear(title: string): string | undefined {
  return /(\d{4})\s*年/.exec(title)?.[1];
}

/** Whether a standard's title already names its edition, e.g. `《制图员国家职业技能标准》（2019年版）`. */
export function namesEdition(title: string): boolean {
  return titleYear(title) !== undefined;
}

export interface StandardEdition {
  /** The title as the notes give it, or `《<职业>国家职业技能标准》`. */
  readonly title: string;
  /** The edition year every document prints, '' when nobody said it. */
  readonly year: string;
  /** The title and the notes' year name different editions: [title's year, notes' year]. */
  readonly conflict: readonly [string, string] | undefined;
}

const M = {
  defaultTitle: (occupation: string) => `《${occupation}国家职业技能标准》`,
  edition: (year: string) => `（${year}年版）`,
  blankEdition: '（待填写：版本年份）',
  conflict: (inTitle: string, inNotes: string) =>
    `standard（标准名称）写的是 ${inTitle} 年版，standardYear（标准年份）却是 ${inNotes}：两处应为同一版本（改正其一，或清空 standardYear）`,
} as const;

export const standardMessages = M;

/** The standard and its edition year from the notes' two fields. */
export function standardEdition(occupationName: string, notes: { readonly standard: string; readonly standardYear: string }): StandardEdition {
  const title = notes.standard.trim() !== '' ? notes.standard.trim() : M.defaultTitle(occupationName);
  const inTitle = titleYear(title);
  const inNotes = notes.standardYear.trim();
  const conflict = inTitle !== undefined && inNotes !== '' && inNotes !== inTitle ? ([inTitle, inNotes] as const) : undefined;
  return { title, year: inTitle ?? inNotes, conflict };
}

/**
 * The standard as the 编制说明 cites it: always with its edition — the title as written when it names
 * one, else the title with `（YYYY年版）`, else a visible blank to fill (a citation without an
 * edition is what a reviewer circles).
 */
export function citedStandard(edition: StandardEdition): string {
  if (namesEdition(edition.title)) return edition.title;
  const bare = edition.title.replace(/[。；;]$/, '');
  return `${bare}${edition.year === '' ? M.blankEdition : M.edition(edition.year)}`;
}

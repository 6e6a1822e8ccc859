/**
 * The bounds every reader of outside files keeps (issue 11, Deliver 3): one table, with defaults sized for
 * the largest real files writers deliver (a 20 000-item template, a Word file with a few hundred images)
 * and far below what would exhaust the workstation. A reader refuses a file that passes a bound, with a
 * Chinese message naming it (messages.ts); nothing of such a file is stored.
 */
export interface ReaderLimits {
  /** Bytes of the file as delivered (.xlsx, .docx, .csv). */
  readonly fileBytes: number;
  /** Entries (files) in a ZIP package. */
  readonly zipEntries: number;
  /** Declared and real size of one decompressed entry. */
  readonly entryBytes: number;
  /** Sum of all decompressed entries of a package. */
  readonly totalBytes: number;
  /** Decompressed ÷ compressed size of an entry, checked for entries above `ratioFloorBytes`. */
  readonly compressionRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny XML parts compress very well). */
  readonly ratioFloorBytes: number;
  /** Element nesting depth of an XML part. */
  readonly xmlDepth: number;
  /** Elements in one XML part. */
  readonly xmlElements: number;
  /** Characters of one paragraph (Word), one cell or shared string (Excel), one tag. */
  readonly textChars: number;
  /** Rows of one worksheet. */
  readonly sheetRows: number;
  /** Cells of all worksheets of a workbook. */
  readonly sheetCells: number;
  /** Merged ranges of one worksheet. */
  readonly mergedRanges: number;
  /** Cells covered by the merged ranges of one worksheet. */
  readonly mergedCells: number;
  /** Paragraphs of a Word document. */
  readonly paragraphs: number;
  /** Milliseconds one file may take to read. */
  readonly timeMs: number;
  /** Bytes of one image. */
  readonly imageBytes: number;
  /** Width or height of one image, in pixels. */
  readonly imageSide: number;
  /** Pixels (width × height) of one image. */
  readonly imagePixels: number;
  /** Bytes of a CSV file. */
  readonly csvBytes: number;
  /** Characters of one CSV line. */
  readonly csvLineChars: number;
  /** Lines of a CSV file. */
  readonly csvRows: number;
  /** Bytes of a signed-form scan (PDF, JPEG or PNG, scan.ts). */
  readonly scanBytes: number;
  /** Pages of a signed-form scan delivered as PDF. */
  readonly scanPages: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ReaderLimits = Object.freeze({
  fileBytes: 50 * MiB,
  zipEntries: 2000,
  entryBytes: 50 * MiB,
  totalBytes: 120 * MiB,
  compressionRatio: 100,
  ratioFloorBytes: 1 * MiB,
  xmlDepth: 128,
  xmlElements: 4_000_000,
  textChars: 100_000,
  sheetRows: 25_000,
  sheetCells: 600_000,
  mergedRanges: 2000,
  mergedCells: 200_000,
  paragraphs: 200_000,
  timeMs: 30_000,
  imageBytes: 10 * MiB,
  imageSide: 10_000,
  imagePixels: 40_000_000,
  csvBytes: 10 * MiB,
  csvLineChars: 10_000,
  csvRows: 100_000,
  scanBytes: 30 * MiB,
  scanPages: 20,
});

export type LimitName = keyof ReaderLimits;

/** The defaults with some bounds changed (tests, and a later setting of the 安全保密管理员). */
export function withLimits(overrides: Partial<ReaderLimits> = {}): ReaderLimits {
  return Object.freeze({ ...DEFAULT_LIMITS, ...overrides });
}

/** Bounds and clock of one read: tests change them; the import uses the defaults. */
export interface ReadOptions {
  readonly limits?: ReaderLimits;
  readonly clock?: () => number;
}

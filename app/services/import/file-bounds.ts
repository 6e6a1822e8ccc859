/**
 * The size bounds of the files the shells hand to the importers, checked before a file is read into
 * memory (the readers check them again on the bytes): from the one table of app/readers/limits.ts.
 */
import { DEFAULT_LIMITS } from '../../readers/limits.js';

/** .xlsx and .docx files: items, 细目表, 内容结构表. */
export const IMPORT_MAX_BYTES = DEFAULT_LIMITS.fileBytes;
/** The item statistics CSV. */
export const STATISTICS_MAX_BYTES = DEFAULT_LIMITS.csvBytes;
/** The ink-signed scan of the 题库内部审核意见 (PDF, JPEG or PNG). */
export const SCAN_MAX_BYTES = DEFAULT_LIMITS.scanBytes;

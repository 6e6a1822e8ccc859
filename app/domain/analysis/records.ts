/** What is kept of an exam sitting and of each item's statistics in it (the store's shapes). */
import type { ItemStatistics, PaperStatistics } from './classical.js';
import type { ItemFlag } from './flags.js';

export interface SittingRecord {
  readonly id: number;
  readonly bankId: number;
  readonly paperId: number;
  readonly label: string;
  /** Date of the exam (YYYY-MM-DD). */
  readonly heldOn: string;
  readonly candidates: number;
  readonly sourceSha256: string;
  readonly statistics: PaperStatistics;
  readonly importedAt: string;
  readonly importedBy: string;
}

export interface ItemSittingRecord extends ItemStatistics {
  readonly sittingId: number;
  readonly flags: readonly ItemFlag[];
}

/** One row of an item version's history: the sitting it was in and its figures there. */
export interface ItemHistoryRow extends ItemSittingRecord {
  readonly sittingLabel: string;
  readonly heldOn: string;
}

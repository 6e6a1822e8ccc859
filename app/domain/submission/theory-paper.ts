/**
 * A 理论知识试卷's document data from its pinned items in paper order: numbered 1 … n across the
 * sections (题型), each section with its points per item. The services build it for the .docx, the
 * desktop preview for its pages — the same function, so both print the same numbers and totals.
 */
import { paperCode } from '../paper.js';
import type { TheoryItem, TheoryItemType } from '../theory-item.js';
import type { DocumentHeader, DocumentImage, TheoryPaperData, TheoryPaperItem } from './documents.js';

/** One item of the paper, in paper order. */
export interface TheoryPaperEntry {
  /** The 题型 section it is in. */
  readonly section: string;
  readonly points: number;
  readonly item: TheoryItem;
  readonly images: readonly DocumentImage[];
}

export interface TheoryPaperFacts {
  readonly header: DocumentHeader;
  readonly setLabel: string;
  readonly minutes: number;
  readonly totalPoints: number;
  /** The year of the 国家职业技能标准 edition the paper cites ('' when unknown). */
  readonly standardYear: string;
}

export function theoryPaperData(facts: TheoryPaperFacts, entries: Iterable<TheoryPaperEntry>): TheoryPaperData {
  const sections = new Map<string, TheoryPaperItem[]>();
  const points = new Map<string, number>();
  let number = 0;
  for (const e of entries) {
    number += 1;
    const list = sections.get(e.section) ?? [];
    list.push({ number, item: e.item, images: e.images });
    sections.set(e.section, list);
    points.set(e.section, e.points);
  }
  return {
    header: facts.header,
    setLabel: facts.setLabel,
    minutes: facts.minutes,
    totalPoints: facts.totalPoints,
    sections: [...sections].map(([type, items]) => ({ type: type as TheoryItemType, pointsEach: points.get(type) ?? 0, items })),
    sealLine: true,
    standardYear: facts.standardYear,
    paperCode: paperCode(facts.header.occupationCode, facts.header.level, 'theory', facts.setLabel),
  };
}

/**
 * The data of a paper's documents, built the way app/services/documents/gather.ts builds it for the
 * .docx templates — the header (occupation, level, secrecy mark of the document class, sample note),
 * the set, the pinned item versions in paper order, numbered across sections, their images — but
 * from what the renderer may call: `papers.get` (调阅), `banks.list`, `documents.notes.get`,
 * `images.get` and, for a manager, `output.marking.get`.
 */
import { levelName } from '../../../../domain/level.js';
import { occupationDisplayName } from '../../../../domain/occupation.js';
import { paperCode } from '../../../../domain/paper.js';
import type { PracticalTask } from '../../../../domain/practical-task.js';
import type { DocumentHeader, DocumentImage, PracticalPaperData, TheoryPaperData } from '../../../../domain/submission/documents.js';
import { markText, type DocumentClass, type MarkingPolicy } from '../../../../domain/submission/marking.js';
import type { SubmissionNotes } from '../../../../domain/submission/notes.js';
import { standardEdition } from '../../../../domain/submission/standard.js';
import { theoryPaperData } from '../../../../domain/submission/theory-paper.js';
import type { TheoryItem } from '../../../../domain/theory-item.js';
import { api, type QbankApi } from '../../api/client.js';

export type Bank = Awaited<ReturnType<QbankApi['banks.list']>>[number];
export type PaperContent = Awaited<ReturnType<QbankApi['papers.get']>>;

/** documentsMessages.sampleNote: sample banks print it under the mark. */
export const SAMPLE_NOTE = '样例（演示用，非正式题库）';

export function headerOf(bank: Bank, notes: SubmissionNotes, cls: DocumentClass, policy: MarkingPolicy): DocumentHeader {
  return {
    occupationName: bank.occupationName,
    occupationCode: bank.occupationCode,
    track: bank.track,
    level: bank.level,
    levelName: levelName(bank.level),
    occupationTitle: occupationDisplayName(bank.occupationName, bank.track),
    mark: markText(cls, bank.secrecy, policy),
    sampleNote: bank.isSample ? SAMPLE_NOTE : '',
    institution: notes.institution,
  };
}

/** The body of each pinned item, by item id. */
function bodies<T>(paper: PaperContent): Map<number, T> {
  return new Map(paper.bodies.map((b) => [b.itemId, b.body as T]));
}

function imagesOf(hashes: readonly string[], images: ReadonlyMap<string, DocumentImage>): DocumentImage[] {
  return hashes.flatMap((h) => {
    const img = images.get(h);
    return img ? [img] : [];
  });
}

export function theoryData(paper: PaperContent, header: DocumentHeader, notes: SubmissionNotes, images: ReadonlyMap<string, DocumentImage>): TheoryPaperData {
  const { year } = standardEdition(header.occupationName, notes);
  const byId = bodies<TheoryItem>(paper);
  return theoryPaperData(
    { header, setLabel: paper.setLabel, minutes: paper.minutes, totalPoints: paper.totalPoints, standardYear: year },
    paper.items.flatMap((ref) => {
      const item = byId.get(ref.itemId);
      return item ? [{ section: ref.section, points: ref.points, item, images: imagesOf(item.images, images) }] : [];
    }),
  );
}

/**
 * The 技能考核 paper. The module names and 必考/选考 come from the 内容结构表, which the renderer does not
 * read; the 试卷 itself prints neither, so the module code stands in for the name here.
 */
export function practicalData(paper: PaperContent, header: DocumentHeader, images: ReadonlyMap<string, DocumentImage>): PracticalPaperData {
  const byId = bodies<PracticalTask>(paper);
  const tasks = paper.items.flatMap((ref, k) => {
    const task = byId.get(ref.itemId);
    return task ? [{ number: k + 1, task, moduleName: task.module, mode: '必考' as const, images: imagesOf(task.images, images) }] : [];
  });
  return { header, setLabel: paper.setLabel, minutes: paper.minutes, totalPoints: paper.totalPoints, paperCode: paperCode(header.occupationCode, header.level, 'practical', paper.setLabel), tasks };
}

/** Every image the paper's items show, fetched once each (each fetch is a 调阅 like the paper). */
export async function loadImages(bankId: number, paper: PaperContent): Promise<Map<string, DocumentImage>> {
  const hashes = new Set(paper.bodies.flatMap((b) => ((b.body as { images?: string[] }).images ?? []).filter((h) => typeof h === 'string')));
  const out = new Map<string, DocumentImage>();
  for (const sha256 of hashes) {
    const img = await api['images.get']({ bankId, sha256 });
    out.set(sha256, { sha256, contentType: img.contentType, bytes: img.bytes });
  }
  return out;
}

/**
 * The marking policy the documents follow: a 题库管理员 may read it; authors and reviewers, who may not,
 * see the default marks (which the policy changes only by the 安全保密管理员's decision).
 */
export async function markingPolicy(roles: readonly string[]): Promise<MarkingPolicy> {
  if (!roles.includes('manager')) return {};
  const rows = await api['output.marking.get']({});
  return Object.fromEntries(rows.map((r) => [r.documentClass, r.marking]));
}

/** An image as a data: URL (the CSP allows data: images). */
export function imageUrl(image: DocumentImage): string {
  let binary = '';
  const bytes = image.bytes;
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${image.contentType};base64,${btoa(binary)}`;
}

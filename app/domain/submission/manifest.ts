/**
 * The signed manifest of a submission (issue [F]): what the review panel signs beside the ink. It names
 * every document of the folder with its size and SHA-256 (the ink-signed scan included), the bank, level
 * and review round, the counts, the panel, and the latest signed audit checkpoint of the workstation, so
 * that a signature covers the whole submission and ties it to the access log. Written as `manifest.json`
 * in the folder; each member's detached CMS signature over its exact bytes sits beside it.
 */
import { z } from 'zod';
import { EXPERT_ROLES } from '../person.js';

export const SUBMISSION_MANIFEST_FORMAT = 'qbank-submission-manifest/1';
export const MANIFEST_FILE = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.object({ path: z.string().min(1), part: z.string(), bytes: z.number().int().nonnegative(), sha256 });
export type ManifestFile = z.output<typeof manifestFileSchema>;

export const submissionManifestSchema = z.object({
  format: z.literal(SUBMISSION_MANIFEST_FORMAT),
  workstationId: z.string(),
  createdAt: z.string(),
  bank: z.object({
    id: z.number().int().positive(),
    occupationCode: z.string(),
    occupationName: z.string(),
    track: z.string(),
    level: z.number().int().min(1).max(5),
    levelName: z.string(),
  }),
  /** The review round the panel signs, null when the bank has none yet. */
  round: z.number().int().positive().nullable(),
  provincialReview: z.boolean(),
  counts: z.object({
    theorySets: z.number().int().nonnegative(),
    practicalSets: z.number().int().nonnegative(),
    comprehensiveSets: z.number().int().nonnegative(),
    theoryItems: z.number().int().nonnegative(),
    practicalTasks: z.number().int().nonnegative(),
    comprehensiveItems: z.number().int().nonnegative(),
  }),
  panel: z.array(z.object({ name: z.string(), unit: z.string(), title: z.string(), category: z.enum(EXPERT_ROLES), leader: z.boolean() })),
  conclusion: z.string(),
  files: z.array(manifestFileSchema),
  /** The ink-signed 审核意见 in the folder, null when none was attached. */
  scan: z.object({ path: z.string(), sha256 }).nullable(),
  auditCheckpoint: z
    .object({ seq: z.number().int(), auditSeq: z.number().int(), auditHash: sha256, hash: sha256, at: z.string(), signer: z.string(), keyId: z.string() })
    .nullable(),
});
export type SubmissionManifest = z.output<typeof submissionManifestSchema>;

/** The manifest as written: stable key order (the schema's), two-space indent, final newline. */
export function manifestText(m: SubmissionManifest): string {
  return `${JSON.stringify(submissionManifestSchema.parse(m), null, 2)}\n`;
}

export type FileCheck = { path: string; status: 'ok' } | { path: string; status: '已改动' | '缺失' | '多余'; detail: string };

/**
 * Compares the manifest's files with what is in the folder (`found`: path → size and SHA-256, read by
 * the caller). `ignore` names the files that are not documents (the manifest, signatures, CA, CRL).
 */
export function checkFiles(
  files: readonly ManifestFile[],
  found: ReadonlyMap<string, { bytes: number; sha256: string }>,
  ignore: (path: string) => boolean,
): FileCheck[] {
  const listed = new Set(files.map((f) => f.path));
  const out: FileCheck[] = files.map((f) => {
    const got = found.get(f.path);
    if (!got) return { path: f.path, status: '缺失', detail: '清单中列出的文件不在文件夹中' };
    if (got.sha256 !== f.sha256) return { path: f.path, status: '已改动', detail: `SHA-256 应为 ${f.sha256.slice(0, 16)}…，实为 ${got.sha256.slice(0, 16)}…` };
    return { path: f.path, status: 'ok' };
  });
  for (const path of [...found.keys()].sort()) {
    if (!listed.has(path) && !ignore(path)) out.push({ path, status: '多余', detail: '文件不在签名的清单中' });
  }
  return out;
}

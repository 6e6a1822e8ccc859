/**
 * The readers under fuzz, as the fuzz child (child.ts) calls them: each target loads its modules once
 * and judges one input (verdict.ts). The entry points are the ones the services call; where the
 * service validates the reader's raw objects with the domain schema next, the target does it too, so a
 * crash there counts. Targets that need files on disk (packages) write them into a private folder.
 */
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { accepted, checkProblems, crash, judgeThrown, rejected, type FuzzInput, type Verdict } from './verdict.js';

/** The time every signature and certificate is checked at (inside the seeds' validity). */
export const FUZZ_NOW = new Date('2026-12-01T00:00:00Z');

export type TargetName =
  | 'xlsx-items'
  | 'docx-items'
  | 'element-table'
  | 'csv'
  | 'images'
  | 'scan'
  | 'certificate'
  | 'signature'
  | 'submission'
  | 'package'
  | 'result-sheet'
  | 'qti'
  | 'selftest';

/** What the parent sends once: a private scratch folder (`tmpDir`), the recipient's key of the packages. */
export type Setup = Readonly<Record<string, string>>;
export type Judge = (input: FuzzInput) => Promise<Verdict>;

const only = (input: FuzzInput): Uint8Array => input.files[0]?.[1] ?? new Uint8Array();
const fileOf = (input: FuzzInput, name: string): Uint8Array | undefined => input.files.find(([n]) => n === name)?.[1];
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

/** Runs `read`; a throw is judged against `allowed` (verdict.ts). */
async function guarded(read: () => Promise<Verdict> | Verdict, allowed: Parameters<typeof judgeThrown>[1]): Promise<Verdict> {
  try {
    return await read();
  } catch (e) {
    return judgeThrown(e, allowed);
  }
}

/** Problems of the file and of each row; the rows' raw objects through the domain schema. */
function judgeParsed(fileProblems: readonly { message: string }[], rows: readonly { problems: readonly { message: string }[] }[], validate: (row: number) => readonly { message: string }[]): Verdict {
  const fileBad = checkProblems(fileProblems, 'file');
  if (fileBad) return fileBad;
  for (const [k, row] of rows.entries()) {
    const bad = checkProblems(row.problems, `row ${k}`) ?? checkProblems(validate(k), `row ${k} (schema)`);
    if (bad) return bad;
  }
  if (rows.length === 0 && fileProblems.length > 0) return rejected(fileProblems[0]?.message ?? '');
  return accepted(`${rows.length} rows`);
}

async function xlsxItems(): Promise<Judge> {
  const { parseItemWorkbook } = await import('../../../app/readers/xlsx/items.js');
  const { sha256Hex } = await import('../../../crypto/digest.js');
  const schemas = await itemSchemas();
  // "Never throws on bad input": no error type is allowed
  return (input) =>
    guarded(async () => {
      const parsed = await parseItemWorkbook(only(input), { contentHash: sha256Hex });
      return judgeParsed(parsed.problems, parsed.rows, (k) => schemas.check(parsed.rows[k]?.kind ?? 'theory', parsed.rows[k]?.raw));
    }, []);
}

async function docxItems(): Promise<Judge> {
  const { parseItemDocx } = await import('../../../app/readers/docx/items.js');
  const { sha256Hex } = await import('../../../crypto/digest.js');
  const schemas = await itemSchemas();
  return (input) =>
    guarded(async () => {
      const parsed = await parseItemDocx(only(input), { contentHash: sha256Hex });
      return judgeParsed(parsed.problems, parsed.rows, (k) => schemas.check('theory', parsed.rows[k]?.raw));
    }, []);
}

/** The domain validation the import service applies to each raw row (by kind). */
async function itemSchemas() {
  const { validate } = await import('../../../app/domain/validation.js');
  const theory = await import('../../../app/domain/theory-item.js');
  const practical = await import('../../../app/domain/practical-task.js');
  const comprehensive = await import('../../../app/domain/comprehensive-item.js');
  return {
    check(kind: 'theory' | 'practical' | 'comprehensive', raw: unknown): readonly { message: string }[] {
      const result =
        kind === 'theory'
          ? validate(theory.theoryItemSchema, raw, theory.theoryItemRules)
          : kind === 'practical'
            ? validate(practical.practicalTaskSchema, raw, practical.practicalTaskRules)
            : validate(comprehensive.comprehensiveItemSchema, raw, comprehensive.comprehensiveItemRules);
      return result.ok ? [] : result.problems;
    },
  };
}

/** Both table readers on every input (a 细目表 handed to the 内容结构表 import is a case too). */
async function elementTable(): Promise<Judge> {
  const { parseTheoryElementTableXlsx } = await import('../../../app/readers/element-table/theory.js');
  const { parsePracticalStructureXlsx } = await import('../../../app/readers/element-table/practical.js');
  const { validate } = await import('../../../app/domain/validation.js');
  const { theoryElementTableSchema, elementTableRules } = await import('../../../app/domain/element-table.js');
  const { practicalStructureSchema, practicalStructureRules } = await import('../../../app/domain/practical-structure.js');
  const bank = { occupationCode: '3-01-02-07', level: 4, track: '机械' };
  return (input) =>
    guarded(async () => {
      const theory = await parseTheoryElementTableXlsx(only(input));
      const practical = await parsePracticalStructureXlsx(only(input));
      const schemaProblems = (result: { ok: boolean; problems?: readonly { message: string }[] }) => (result.ok ? [] : (result.problems ?? []));
      const checks: [readonly { message: string }[], string][] = [
        [theory.problems, 'theory'],
        [practical.problems, 'practical'],
        [theory.table === undefined ? [] : schemaProblems(validate(theoryElementTableSchema, { ...bank, ...(theory.table as object) }, elementTableRules)), 'theory (schema)'],
        [practical.structure === undefined ? [] : schemaProblems(validate(practicalStructureSchema, { ...bank, ...(practical.structure as object) }, practicalStructureRules)), 'practical (schema)'],
      ];
      for (const [problems, where] of checks) {
        const bad = checkProblems(problems, where);
        if (bad) return bad;
      }
      const read = theory.problems.length === 0 ? 'theory' : practical.problems.length === 0 ? 'practical' : '';
      return read === '' ? rejected(theory.problems[0]?.message ?? '') : accepted(read);
    }, []);
}

async function csv(): Promise<Judge> {
  const { parseStatisticsCsv } = await import('../../../app/readers/statistics/csv.js');
  const { ReaderError } = await import('../../../app/readers/errors.js');
  return (input) => guarded(() => accepted(`${parseStatisticsCsv(only(input)).length} rows`), [ReaderError]);
}

/** The image check of every import and of images.put; an SVG goes through the guard before the renderer. */
async function images(): Promise<Judge> {
  const { acceptImage, sniffImage } = await import('../../../app/readers/images.js');
  const { checkSvgText } = await import('../../../app/readers/svg/rasterise.js');
  const { ReaderError } = await import('../../../app/readers/errors.js');
  return (input) =>
    guarded(() => {
      const bytes = only(input);
      if (sniffImage(bytes)?.format === 'svg') {
        checkSvgText(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
        return accepted('svg');
      }
      const image = acceptImage(bytes);
      return image.width > 0 && image.height > 0 ? accepted(image.contentType) : crash(`accepted an image of ${image.width}×${image.height}`);
    }, [ReaderError]);
}

async function scan(): Promise<Judge> {
  const { readScan } = await import('../../../app/readers/scan.js');
  const { ReaderError } = await import('../../../app/readers/errors.js');
  return (input) =>
    guarded(async () => {
      const result = await readScan(only(input), 'scan.pdf');
      return result.pages >= 1 ? accepted(result.format) : crash(`accepted a scan of ${result.pages} pages`);
    }, [ReaderError]);
}

/** The checks of package.recipients.import after the certificate is read (they must not throw either). */
async function certificate(): Promise<Judge> {
  const { recipientCertificateInfo } = await import('../../../crypto/key-wrap.js');
  return (input) =>
    guarded(() => {
      const info = recipientCertificateInfo(text(only(input)));
      const dates = `${info.notBefore.toISOString()} ${info.notAfter.toISOString()}`;
      if (!/^[0-9a-f]{64}$/.test(info.fingerprint256)) return crash(`fingerprint ${info.fingerprint256}`);
      return accepted(`${info.keyType} ${info.keySize} ${dates}`);
    }, [Error]);
}

/** A detached CMS signature over the manifest, by the CA, with its CRL: "never throws". */
async function signature(): Promise<Judge> {
  const { verifyDetached } = await import('../../../crypto/cms.js');
  return (input) =>
    guarded(() => {
      const result = verifyDetached({
        cms: fileOf(input, 'signature.p7s') ?? new Uint8Array(),
        content: fileOf(input, 'manifest.json') ?? new Uint8Array(),
        caCertificatePem: text(fileOf(input, 'ca.pem')),
        ...(fileOf(input, 'crl.pem') ? { crlPem: text(fileOf(input, 'crl.pem')) } : {}),
        at: FUZZ_NOW,
      });
      if (result.ok) return accepted(result.signers.map((s) => s.commonName).join(','));
      const problems = [...result.problems, ...result.signers.flatMap((s) => s.problems)];
      if (problems.length === 0) return crash('signature refused without a problem');
      const bad = checkProblems(problems.map((message) => ({ message })), 'signature');
      return bad ?? rejected(problems[0] ?? '');
    }, []);
}

/** A signed submission folder (in memory, as open.ts hands it over): "never throws" for bad files. */
async function submission(): Promise<Judge> {
  const { verifySubmissionFiles } = await import('../../../app/services/review/verify.js');
  const { sha256Hex } = await import('../../../crypto/digest.js');
  return (input) =>
    guarded(() => {
      const files = new Map(input.files.map(([n, b]) => [n, Buffer.from(b)] as const));
      const result = verifySubmissionFiles(
        {
          label: 'fuzz',
          paths: [...files.keys()],
          digest: (p) => ({ bytes: files.get(p)?.byteLength ?? 0, sha256: sha256Hex(files.get(p) ?? '') }),
          read: (p) => files.get(p) ?? Buffer.alloc(0),
        },
        { now: FUZZ_NOW },
      );
      if (result.ok) return accepted(`${result.signatures.length} signatures`);
      if (result.problems.length === 0) return crash('submission refused without a problem');
      return checkProblems(result.problems.map((message) => ({ message })), 'submission') ?? rejected(result.problems[0] ?? '');
    }, []);
}

/**
 * openPackage on a folder or an .iso image written into a private folder; variant % 3 === 0 also
 * decrypts into an output folder, which must not exist afterwards unless the package was accepted.
 */
async function packageTarget(setup: Setup): Promise<Judge> {
  const { openPackage } = await import('../../../app/services/package/open.js');
  const { ServiceError } = await import('../../../app/services/errors.js');
  const key = { privateKey: createPrivateKey(setup.privateKeyPem ?? ''), certificatePem: setup.certificatePem ?? '' };
  const root = mkdtempSync(join(setup.tmpDir ?? tmpdir(), 'package-'));
  let n = 0;
  return (input) => {
    const dir = join(root, String(n++));
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    return guarded(async () => {
      mkdirSync(dir);
      const iso = input.files.length === 1 && input.files[0]?.[0] === 'image.iso';
      for (const [name, bytes] of input.files) {
        const target = join(dir, iso ? '' : 'pkg', ...name.split('/'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes);
      }
      const source = join(dir, iso ? 'image.iso' : 'pkg');
      const outDir = input.variant % 3 === 0 ? join(dir, 'out') : undefined;
      const report = await openPackage(source, key, { now: FUZZ_NOW, ...(outDir ? { outDir } : {}) });
      const left = readdirSync(dir).filter((f) => f.startsWith('.out.opening-'));
      if (left.length > 0) return crash(`staging folder left behind: ${left.join(', ')}`);
      if (report.ok) return accepted(`${report.files.length} files`);
      if (outDir && existsSync(outDir)) return crash('refused package, but its output folder was written');
      if (report.problems.length === 0) return crash('package refused without a problem');
      return checkProblems(report.problems.map((message) => ({ message })), 'package') ?? rejected(report.problems[0] ?? '');
    }, [ServiceError]).finally(cleanup);
  };
}

/**
 * The self-test of the isolation (isolation.test.ts): the input names what the "reader" does — hang,
 * exhaust the heap, grow the resident set, throw a TypeError, fail after answering.
 */
async function selftest(): Promise<Judge> {
  const kept: unknown[] = [];
  return (input) =>
    guarded(() => {
      switch (text(only(input))) {
        case 'hang':
          for (;;) kept.length = 0;
        case 'heap':
          for (;;) kept.push(new Array(1e6).fill(kept.length));
        case 'rss':
          kept.push(Buffer.alloc(320 * 1024 * 1024, 1));
          return accepted('rss');
        case 'throw':
          throw new TypeError('Cannot read properties of undefined');
        case 'late':
          setTimeout(() => {
            throw new RangeError('after the verdict');
          }, 20);
          return accepted('late');
        default:
          return rejected('拒绝：测试');
      }
    }, []);
}

/** Loads a target's modules (before the first case is timed). */
export async function loadTarget(name: TargetName, setup: Setup): Promise<Judge> {
  switch (name) {
    case 'xlsx-items':
      return xlsxItems();
    case 'docx-items':
      return docxItems();
    case 'element-table':
      return elementTable();
    case 'csv':
      return csv();
    case 'result-sheet':
      return (await import('./exchange-targets.js')).resultSheet();
    case 'qti':
      return (await import('./exchange-targets.js')).qtiPackage();
    case 'images':
      return images();
    case 'scan':
      return scan();
    case 'certificate':
      return certificate();
    case 'signature':
      return signature();
    case 'submission':
      return submission();
    case 'package':
      return packageTarget(setup);
    case 'selftest':
      return selftest();
  }
}

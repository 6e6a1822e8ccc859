/**
 * Reading generated office files back in tests: the text of a .docx (its XML), and LibreOffice
 * rendering to PDF with page count and extracted text (pdftotext). CI installs LibreOffice and
 * poppler-utils; where they are missing, `renderPdf` returns undefined and the test skips that part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import JSZip from 'jszip';

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export const SOFFICE = onPath(['soffice', 'libreoffice']);
export const PDFTOTEXT = onPath(['pdftotext']);

/** The XML of a part of a .docx (default: the body). */
export async function docxPart(bytes: Uint8Array, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} not in the docx`);
  return file.async('string');
}

/** Paragraph texts of the body (w:p → one line; w:t joined; w:tab → tab). */
export async function docxParagraphs(bytes: Uint8Array, part = 'word/document.xml'): Promise<string[]> {
  const xml = await docxPart(bytes, part);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((t) => (t[0] === '<w:tab/>' ? '\t' : unescapeXml(t[1] ?? '')))
      .join(''),
  );
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export interface RenderedPdf {
  readonly pages: number;
  /** pdftotext output ('' when pdftotext is missing). */
  readonly text: string;
  readonly pdf: Uint8Array;
}

/**
 * Converts a .docx/.xlsx with LibreOffice headless (own profile, so test files can run in parallel)
 * and reads the PDF back; undefined when LibreOffice is not installed.
 */
export function renderPdf(bytes: Uint8Array, fileName: string): RenderedPdf | undefined {
  return renderPdfs([{ bytes, fileName }])?.[0];
}

/**
 * Converts several files in one LibreOffice run (one start-up for all: much faster than one run each) and
 * reads each PDF back, in the order given; file names must differ in more than their extension.
 */
export function renderPdfs(files: readonly { readonly bytes: Uint8Array; readonly fileName: string }[]): RenderedPdf[] | undefined {
  if (SOFFICE === undefined) return undefined;
  const stems = files.map((f) => basename(f.fileName, extname(f.fileName)));
  if (new Set(stems).size !== stems.length) throw new Error('renderPdfs: two files would give the same PDF name');
  const dir = mkdtempSync(join(tmpdir(), 'qbank-render-'));
  try {
    const inputs = files.map((f) => {
      const input = join(dir, f.fileName);
      writeFileSync(input, f.bytes);
      return input;
    });
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
      encoding: 'utf8',
      timeout: 60_000 + 30_000 * files.length,
    });
    return stems.map((stem, i) => {
      const pdfPath = join(dir, `${stem}.pdf`);
      if (run.status !== 0 || !existsSync(pdfPath)) throw new Error(`LibreOffice could not convert ${files[i]?.fileName ?? stem}: ${run.stderr}${run.stdout}`);
      const pdf = new Uint8Array(readFileSync(pdfPath));
      const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      let text = '';
      if (PDFTOTEXT !== undefined) {
        const t = spawnSync(PDFTOTEXT, ['-layout', pdfPath, '-'], { encoding: 'utf8', timeout: 60_000 });
        text = t.stdout;
      }
      return { pages, text, pdf };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

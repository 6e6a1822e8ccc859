/**
 * Reads the 技能考核内容结构表 back from Excel (domain-formats.md §2), as written by
 * `templates/xlsx/element-table.ts` and as found in real files: the row labels (选考方式, 鉴定比重, 考试时间,
 * 考核形式) are found by their text, the 职业功能 columns between them and 合计 (codes A, B, C … in column
 * order when the table names none), one block of rows per 级别. The result is the plain object for
 * `practicalStructureSchema`; the caller validates it with the domain rules. Problems name row and column
 * in Chinese; a file that is not an xlsx, is truncated, passes a bound or holds formulas gives one
 * file-level problem (sheet.ts), never an exception.
 */
import ExcelJS from 'exceljs';
import type { Level } from '../../domain/level.js';
import { toCompact } from '../../domain/text/normalise.js';
import type { Problem } from '../../domain/validation.js';
import type { ReadOptions } from '../limits.js';
import { blockLines, NONE, readHeaderBlock } from './header-block.js';
import { elementTableLabels as L, elementTableMessages as M, type PracticalRow } from './messages.js';
import { cellProblem, dataRaw, EMPTY, fileProblem, headerRaw, inReadingOrder, loadTableWorkbook, NOTE_ROW, rowTexts, type Raw } from './sheet.js';
import { levelFromText, parseScopeCode, parseWeight, splitScopeText } from './values.js';

export interface ParsedPracticalStructure {
  /** `{ occupationCode?, track?, modules, levels }` for `practicalStructureSchema`; absent when the layout was not recognised. */
  structure?: unknown;
  problems: Problem[];
}

/** The rows of a level, by their label as people write it. */
const PRACTICAL_ROWS: readonly (readonly [RegExp, PracticalRow])[] = [
  [/^选考方式|^考核方式|^选考/, 'mode'],
  [/^(?:鉴定)?比重|^权重/, 'weight'],
  [/^(?:考试|考核)?时间|^时长/, 'minutes'],
  [/^(?:考核|考试)?形式/, 'form'],
];

function practicalRowOf(text: string): PracticalRow | undefined {
  const t = toCompact(text);
  return PRACTICAL_ROWS.find(([re]) => re.test(t))?.[1];
}

const MODULE_HEADER_WORDS = /^(?:职业功能|职业功能模块|鉴定范围|考核范围|模块|考核内容)$/;

interface LevelBlock {
  level: Level | undefined;
  levelText: string;
  row: number;
  cells: Partial<Record<PracticalRow, { row: number; raws: Raw[]; total: Raw }>>;
}

/** Parses the 技能考核内容结构表 of the first sheet that has one. */
export async function parsePracticalStructureXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ParsedPracticalStructure> {
  const workbook = await loadTableWorkbook(bytes, options);
  if (!(workbook instanceof ExcelJS.Workbook)) return { problems: [workbook] };

  // The sheet and column of the row labels: the first cell reading 选考方式.
  let found: { ws: ExcelJS.Worksheet; labelColumn: number; firstDataRow: number; columns: number } | undefined;
  for (const ws of workbook.worksheets) {
    const columns = ws.columnCount;
    for (let r = 1; r <= Math.min(ws.rowCount, 80) && found === undefined; r += 1) {
      const texts = rowTexts(ws, r, columns, dataRaw);
      const c = texts.findIndex((t) => /^(?:选考方式|考核方式)$/.test(toCompact(t)));
      if (c >= 0) found = { ws, labelColumn: c + 1, firstDataRow: r, columns };
    }
    if (found !== undefined) break;
  }
  if (found === undefined) return { problems: [fileProblem(M.noPracticalHeader)] };
  const { ws, labelColumn, firstDataRow, columns } = found;
  const problems: Problem[] = [];

  // Header rows: from the row holding 合计 (or 职业功能) down to the first data row.
  let headerTop = firstDataRow - 1;
  let totalColumn: number | undefined;
  for (let r = firstDataRow - 1; r >= Math.max(1, firstDataRow - 6); r -= 1) {
    const texts = rowTexts(ws, r, columns, headerRaw).map(toCompact);
    const t = texts.findIndex((x) => x === '合计' || x === '总计');
    if (t >= 0) totalColumn ??= t + 1;
    if (texts.some((x) => x === '合计' || x === '总计' || MODULE_HEADER_WORDS.test(x) || /^(?:级别|等级|项目)$/.test(x))) headerTop = r;
  }
  if (headerTop >= firstDataRow) return { problems: [fileProblem(M.noPracticalHeader)] };
  const levelColumn = labelColumn > 1 ? labelColumn - 1 : undefined;
  const lastModuleColumn = (totalColumn ?? columns + 1) - 1;

  // 职业功能: name and code from the header rows of each module column (master cells only, so the
  // merged 职业功能 label over them does not count).
  const modules: { code: string; name: string; col: number }[] = [];
  let missingCodes = false;
  for (let c = labelColumn + 1; c <= lastModuleColumn; c += 1) {
    const texts: string[] = [];
    for (let r = headerTop; r < firstDataRow; r += 1) {
      const t = dataRaw(ws.getRow(r).getCell(c)).text;
      if (t !== '' && !MODULE_HEADER_WORDS.test(toCompact(t))) texts.push(t);
    }
    if (texts.length === 0) continue;
    let code = '';
    const names: string[] = [];
    for (const t of texts) {
      const letter = parseScopeCode(t);
      if (letter.ok && code === '') code = letter.value;
      else {
        const split = splitScopeText(t);
        if (split.code !== undefined && code === '') code = split.code;
        names.push(split.name);
      }
    }
    if (code === '') missingCodes = true;
    modules.push({ code, name: names.join(''), col: c });
  }
  if (modules.length === 0) return { problems: [fileProblem(M.noPracticalHeader)] };
  // Real tables often name the 职业功能 without codes: A, B, C … in column order, as the standard does.
  if (missingCodes) modules.forEach((m, i) => (m.code = m.code === '' ? String.fromCharCode(65 + i) : m.code));

  // Rows, grouped by 级别 (the level cell is merged over its rows, or written on the first only).
  const blocks: LevelBlock[] = [];
  for (let r = firstDataRow; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const label = dataRaw(row.getCell(labelColumn)).text;
    const levelText = levelColumn === undefined ? '' : dataRaw(row.getCell(levelColumn)).text;
    if (NOTE_ROW.test(levelText) || NOTE_ROW.test(label)) continue;
    const kind = label === '' ? undefined : practicalRowOf(label);
    if (levelText !== '') {
      const level = levelFromText(levelText);
      if (level === undefined) problems.push(cellProblem(r, levelColumn ?? 1, L.level, M.level(levelText)));
      blocks.push({ level, levelText, row: r, cells: {} });
    }
    if (kind === undefined) continue;
    const block = blocks[blocks.length - 1];
    if (block === undefined) {
      problems.push(cellProblem(r, levelColumn ?? 1, L.level, M.required));
      blocks.push({ level: undefined, levelText: '', row: r, cells: {} });
    }
    const target = blocks[blocks.length - 1] as LevelBlock;
    target.cells[kind] = {
      row: r,
      raws: modules.map((m) => dataRaw(row.getCell(m.col))),
      total: totalColumn === undefined ? EMPTY : dataRaw(row.getCell(totalColumn)),
    };
  }

  const levels: unknown[] = [];
  for (const block of blocks) {
    const missing = PRACTICAL_ROWS.filter(([, k]) => block.cells[k] === undefined).map(([, k]) => L.practicalRows[k]);
    if (missing.length > 0) {
      problems.push(cellProblem(block.row, levelColumn ?? labelColumn, block.levelText === '' ? L.level : block.levelText, M.rowsMissing(missing)));
      continue;
    }
    const { mode, weight, minutes, form } = block.cells as Required<LevelBlock['cells']>;
    const entries: Record<string, unknown>[] = [];
    modules.forEach((m, i) => {
      const at = (row: PracticalRow) => L.moduleRow(m.name, m.code, L.practicalRows[row]);
      const modeRaw = mode.raws[i] ?? EMPTY;
      const modeText = toCompact(modeRaw.text);
      if (modeText === '' || NONE.test(modeText) || /^(?:不考|无)$/.test(modeText)) return;
      if (modeText !== '必考' && modeText !== '选考') {
        problems.push(cellProblem(mode.row, m.col, at('mode'), M.mode(modeRaw.text)));
        return;
      }
      const w = weight.raws[i] ?? EMPTY;
      const parsedWeight = w.text === '' ? undefined : parseWeight(w);
      if (parsedWeight === undefined) problems.push(cellProblem(weight.row, m.col, at('weight'), M.required));
      else if (!parsedWeight.ok) problems.push(cellProblem(weight.row, m.col, at('weight'), M.weight(parsedWeight.text)));
      const t = minutes.raws[i] ?? EMPTY;
      const minuteText = toCompact(t.text).replace(/(?:min|分钟|分)$/i, '');
      const minuteValue = t.number ?? (/^\d+$/.test(minuteText) ? Number(minuteText) : NaN);
      if (t.text === '') problems.push(cellProblem(minutes.row, m.col, at('minutes'), M.required));
      else if (!Number.isInteger(minuteValue) || minuteValue <= 0) problems.push(cellProblem(minutes.row, m.col, at('minutes'), M.minutes(t.text)));
      const f = form.raws[i] ?? EMPTY;
      const formText = toCompact(f.text).replace(/^实际操作$|^操作$/, '实操');
      if (f.text === '') problems.push(cellProblem(form.row, m.col, at('form'), M.required));
      else if (formText !== '实操' && formText !== '笔试') problems.push(cellProblem(form.row, m.col, at('form'), M.form(f.text)));
      entries.push({
        module: m.code,
        mode: modeText,
        weight: parsedWeight?.ok === true ? parsedWeight.value : w.text,
        minutes: Number.isInteger(minuteValue) ? minuteValue : t.text,
        form: formText,
      });
    });
    const required = entries.filter((e) => e.mode === '必考').length;
    const optional = entries.length - required;
    let selectCount = 0;
    if (optional > 0) {
      const total = mode.total;
      const n = total.number ?? Number(/(\d+)\s*项/.exec(toCompact(total.text))?.[1] ?? /^(\d+)$/.exec(toCompact(total.text))?.[1] ?? NaN);
      if (!Number.isInteger(n)) problems.push(cellProblem(mode.row, totalColumn ?? labelColumn, L.totalMode, M.takenCount(total.text)));
      else if (n < required) problems.push(cellProblem(mode.row, totalColumn ?? labelColumn, L.totalMode, M.takenTooFew(n, required)));
      else selectCount = n - required;
    }
    levels.push({ level: block.level ?? block.levelText, selectCount, entries });
  }

  const lines = blockLines(ws, headerTop - 1, columns);
  const header = readHeaderBlock(lines.lines, lines.title);
  const structure: Record<string, unknown> = {};
  if (header.occupationCode !== undefined) structure.occupationCode = header.occupationCode;
  if (header.track !== undefined) structure.track = header.track;
  structure.modules = modules.map((m) => ({ code: m.code, name: m.name }));
  structure.levels = levels;
  return { structure, problems: inReadingOrder(problems) };
}

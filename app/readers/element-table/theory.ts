/**
 * Reads the 理论知识考核要素细目表 back from Excel (domain-formats.md §1), as written by
 * `templates/xlsx/element-table.ts` and as found in real files (G4, P2, P8): the header of
 * theory-header.ts, then the rows —
 * - merged or blank 鉴定范围 cells mean “same as above” and are carried down;
 * - code and name may share a cell (`A基本要求`, `001道德的概念`); 重要程度 is X/Y/Z, x/y/z or 核心/一般/辅助;
 *   鉴定比重 is a number, a percentage cell or a text like `25%` (values.ts);
 * - 职业编码, 等级 (via `parseLevel`) and 方向 come from the header block above the table when present
 *   (header-block.ts).
 * The result is the plain object for `theoryElementTableSchema`; the caller validates it with the
 * domain rules. Problems name row and column in Chinese (`第12行 鉴定点代码: “01” 应为三位数字`); a file
 * that is not an xlsx, is truncated, passes a bound or holds formulas gives one file-level problem
 * (sheet.ts), never an exception.
 */
import ExcelJS from 'exceljs';
import { toCompact } from '../../domain/text/normalise.js';
import type { Problem } from '../../domain/validation.js';
import type { ReadOptions } from '../limits.js';
import { blockLines, readHeaderBlock } from './header-block.js';
import { elementTableLabels as L, elementTableMessages as M } from './messages.js';
import { cellProblem, dataRaw, EMPTY, fileProblem, headerRaw, inReadingOrder, loadTableWorkbook, NOTE_ROW, rowTexts, type Raw } from './sheet.js';
import { classifyTheoryColumns, findHeaderBand, isHeaderWord, scopeLabel } from './theory-header.js';
import { parseElementCodeCell, parseImportance, parseScopeCode, parseWeight, splitElementText, splitScopeText } from './values.js';

export interface ParsedTheoryElementTable {
  /** `{ occupationCode?, level?, track?, scopes }` for `theoryElementTableSchema`; absent when the layout was not recognised. */
  table?: unknown;
  problems: Problem[];
}

const SCOPE_LEVEL_LABELS = L.scopeLevels;

interface ElementOut {
  code: string;
  name: string;
  importance: string;
}

interface NodeOut {
  code: string;
  name: string;
  weight: number | string | undefined;
  children?: NodeOut[];
  elements?: ElementOut[];
}


/** A note under the table: 填表人, 注…, or one text spread over a merge of the whole width. */
function isNoteRow(ws: ExcelJS.Worksheet, row: number, columns: number): boolean {
  const r = ws.getRow(row);
  const cells = Array.from({ length: columns }, (_, i) => r.getCell(i + 1)).filter((c) => dataRaw(c).text !== '');
  const first = cells[0];
  if (first === undefined) return false;
  if (NOTE_ROW.test(dataRaw(first).text)) return true;
  // One text spread over a merge of the whole width: a note, not data.
  const right = r.getCell(Number(first.col) + 1);
  return cells.length === 1 && right.type === ExcelJS.ValueType.Merge && right.master.address === first.address && Number(first.col) + 2 <= columns;
}

/** Parses the 理论知识考核要素细目表 of the first sheet that has one. */
export async function parseTheoryElementTableXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ParsedTheoryElementTable> {
  const workbook = await loadTableWorkbook(bytes, options);
  if (!(workbook instanceof ExcelJS.Workbook)) return { problems: [workbook] };

  let found: { ws: ExcelJS.Worksheet; band: [number, number]; columns: number } | undefined;
  for (const ws of workbook.worksheets) {
    const columns = ws.columnCount;
    const band = findHeaderBand(ws, columns, isHeaderWord);
    if (band === undefined) continue;
    const joined = rowTexts(ws, band[1], columns, headerRaw).concat(rowTexts(ws, band[0], columns, headerRaw)).map(toCompact).join('|');
    if (/重要程度|鉴定点|[一二三四]级/.test(joined)) {
      found = { ws, band, columns };
      break;
    }
  }
  if (found === undefined) return { problems: [fileProblem(M.noTheoryHeader)] };
  const { ws, band, columns } = found;
  const classified = classifyTheoryColumns(ws, band, columns);
  if (classified.layout === undefined) return { problems: classified.problems };
  const layout = classified.layout;
  const problems: Problem[] = [];

  const scopes: NodeOut[] = [];
  /** The current 鉴定范围 of each level, carried down over blank and merged cells. */
  const stack: NodeOut[] = [];
  let elementCount = 0;

  for (let r = layout.firstDataRow; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const read = (col: number | undefined): Raw => (col === undefined ? EMPTY : dataRaw(row.getCell(col)));
    const elementRaw = {
      code: read(layout.element.code),
      name: read(layout.element.name),
      importance: read(layout.element.importance),
      combined: read(layout.element.combined),
    };
    const scopeRaw = layout.scope.map((s) => ({
      name: read(s.name),
      code: read(s.code),
      weight: read(s.weight),
      combined: read(s.combined),
      columns: s,
    }));
    const hasElement = Object.values(elementRaw).some((v) => v.text !== '');
    const hasScope = scopeRaw.some((s) => s.name.text !== '' || s.code.text !== '' || s.weight.text !== '' || s.combined.text !== '');
    if (!hasElement && !hasScope) continue;
    if (!hasElement && isNoteRow(ws, r, columns)) continue;

    // 鉴定范围: a level with a value that differs from the one above starts a new node there; blank
    // levels under a new node mean the branch is shallower; blank levels under the same node carry down.
    let changed = false;
    let rowOk = true;
    for (let i = 0; i < layout.depth; i += 1) {
      const s = scopeRaw[i];
      if (s === undefined) break;
      const here = SCOPE_LEVEL_LABELS[i] ?? '';
      let code = s.code.text;
      let name = s.name.text;
      if (s.combined.text !== '') {
        const split = splitScopeText(s.combined.text);
        if (code === '') code = split.code ?? '';
        if (name === '') name = split.name;
      } else if (code === '' && name !== '' && s.columns.code === undefined) {
        const split = splitScopeText(name);
        code = split.code ?? '';
        name = split.name;
      } else if (name === '' && code.length > 1) {
        const split = splitScopeText(code);
        if (split.code !== undefined) {
          code = split.code;
          name = split.name;
        }
      }
      const given = code !== '' || name !== '' || s.weight.text !== '';
      const current = stack[i];
      const codeCol = s.columns.code ?? s.columns.combined ?? s.columns.name ?? 1;
      const nameCol = s.columns.name ?? s.columns.combined ?? codeCol;
      const weightCol = s.columns.weight ?? codeCol;
      if (!given) {
        if (changed || current === undefined) {
          stack.length = i;
          if (i === 0) {
            problems.push(cellProblem(r, nameCol, scopeLabel(1, 'name'), M.required));
            rowOk = false;
          }
          break;
        }
        continue;
      }
      const parsedCode = code === '' ? undefined : parseScopeCode(code);
      const codeValue = parsedCode?.ok === true ? parsedCode.value : code;
      const weight = s.weight.text === '' ? undefined : parseWeight(s.weight);
      const same =
        !changed &&
        current !== undefined &&
        (code === '' || codeValue === current.code) &&
        (name === '' || name === current.name) &&
        (code !== '' || name !== '');
      if (same) {
        if (weight !== undefined) {
          const value = weight.ok ? weight.value : weight.text;
          if (current.weight === undefined) current.weight = value;
          else if (value !== current.weight) problems.push(cellProblem(r, weightCol, L.scopeWeight(here), M.weightConflict(s.weight.text, String(current.weight))));
        }
        continue;
      }
      if (code === '' && name === '' && current !== undefined && !changed) {
        // Only a weight: a conflict with the node above, not a new node.
        const value = weight?.ok === true ? weight.value : s.weight.text;
        if (current.weight === undefined) current.weight = value;
        else if (value !== current.weight) problems.push(cellProblem(r, weightCol, L.scopeWeight(here), M.weightConflict(s.weight.text, String(current.weight))));
        continue;
      }
      // A new 鉴定范围 at this level.
      if (i > 0 && stack[i - 1] === undefined) {
        const parent = layout.scope[i - 1];
        problems.push(cellProblem(r, parent?.name ?? parent?.combined ?? 1, L.scopeName(SCOPE_LEVEL_LABELS[i - 1] ?? ''), M.required));
        rowOk = false;
        break;
      }
      if (code === '') problems.push(cellProblem(r, codeCol, L.scopeCode(here), M.required));
      else if (parsedCode?.ok === false) problems.push(cellProblem(r, codeCol, L.scopeCode(here), M.scopeCode(code)));
      if (name === '') problems.push(cellProblem(r, nameCol, L.scopeName(here), M.required));
      if (weight === undefined) problems.push(cellProblem(r, weightCol, L.scopeWeight(here), M.required));
      else if (!weight.ok) problems.push(cellProblem(r, weightCol, L.scopeWeight(here), M.weight(weight.text)));
      const node: NodeOut = { code: codeValue, name, weight: weight === undefined ? undefined : weight.ok ? weight.value : weight.text };
      if (i === 0) scopes.push(node);
      else {
        const parent = stack[i - 1] as NodeOut;
        (parent.children ??= []).push(node);
      }
      stack.length = i;
      stack.push(node);
      changed = true;
    }
    if (!hasElement) continue;
    const leaf = stack[stack.length - 1];
    if (!rowOk || leaf === undefined) {
      if (rowOk) problems.push(cellProblem(r, layout.scope[0]?.name ?? 1, scopeLabel(1, 'name'), M.noScope));
      continue;
    }

    // 鉴定点
    const codeCol = layout.element.code ?? layout.element.combined ?? layout.element.name ?? 1;
    const nameCol = layout.element.name ?? layout.element.combined ?? codeCol;
    const impCol = layout.element.importance ?? codeCol;
    let codeRaw = elementRaw.code;
    let name = elementRaw.name.text;
    if (elementRaw.combined.text !== '') {
      const split = splitElementText(elementRaw.combined.text);
      if (codeRaw.text === '' && split.code !== undefined) codeRaw = { text: split.code, percent: false };
      if (name === '') name = split.name;
    } else if (codeRaw.text === '' && name !== '') {
      const split = splitElementText(name);
      if (split.code !== undefined) {
        codeRaw = { text: split.code, percent: false };
        name = split.name;
      }
    } else if (name === '' && codeRaw.number === undefined && codeRaw.text.length > 3) {
      const split = splitElementText(codeRaw.text);
      if (split.code !== undefined) {
        codeRaw = { text: split.code, percent: false };
        name = split.name;
      }
    }
    const scopeCodes = stack.map((n) => n.code);
    let code = codeRaw.text;
    if (codeRaw.text === '') problems.push(cellProblem(r, codeCol, L.elementCode, M.required));
    else {
      const parsed = parseElementCodeCell(codeRaw, scopeCodes);
      if (parsed.ok) code = parsed.value;
      else if ('scope' in parsed) problems.push(cellProblem(r, codeCol, L.elementCode, M.elementCodeScope(parsed.text, scopeCodes.join('-'))));
      else problems.push(cellProblem(r, codeCol, L.elementCode, M.elementCode(parsed.text)));
    }
    if (name === '') problems.push(cellProblem(r, nameCol, L.elementName, M.required));
    let importance = elementRaw.importance.text;
    if (importance === '') problems.push(cellProblem(r, impCol, L.importance, M.required));
    else {
      const parsed = parseImportance(importance);
      if (parsed.ok) importance = parsed.value;
      else problems.push(cellProblem(r, impCol, L.importance, M.importance(parsed.text)));
    }
    (leaf.elements ??= []).push({ code, name, importance });
    elementCount += 1;
  }

  const block = blockLines(ws, layout.headerTop - 1, columns);
  const header = readHeaderBlock(block.lines, block.title);
  if (header.levelText !== undefined && header.level === undefined) {
    problems.push({ severity: 'error', path: ['level'], field: L.headerLevel, message: M.level(header.levelText) });
  }
  if (header.elementCount !== undefined && header.elementCount !== elementCount) {
    problems.push({ severity: 'warning', path: ['header'], field: L.headerElementCount, message: M.elementCount(header.elementCount, elementCount) });
  }
  const table: Record<string, unknown> = {};
  if (header.occupationCode !== undefined) table.occupationCode = header.occupationCode;
  if (header.level !== undefined) table.level = header.level;
  if (header.track !== undefined) table.track = header.track;
  table.scopes = scopes;
  return { table, problems: inReadingOrder(problems) };
}

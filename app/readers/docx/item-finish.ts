/**
 * A read item of a Word document to its raw theory item: the 题型 from its section or its look, the key
 * from its answer line, the brackets of its stem (`（ B ）`, `（√）`) or the key table, 难度, 鉴定点 and
 * images; `{ type, stem, options?, key, difficulty, element, explanation, images }` for theoryItemSchema.
 */
import type { TheoryItemType } from '../../domain/theory-item.js';
import { toHalfWidth } from '../../domain/text/normalise.js';
import type { Problem } from '../../domain/validation.js';
import { itemReaderMessages as msg } from '../items/messages.js';
import { parseChoiceKey, parseDifficulty, parseTrueFalseKey, trueFalseFromLetter, trueFalseOptionPair } from '../items/values.js';
import { draftProblem, type Draft } from './item-draft.js';
import { STEM_KEY_RE, TF_LEADING_RE, TF_TRAILING_RE, TRAILING_CODE_RE } from './item-layout.js';
import type { DocxRow } from './items.js';

/** Removes the key written in the stem's brackets (`（ B ）` → `（ ）`); the last such bracket counts. */
function takeStemKey(stem: string): { stem: string; key?: string } {
  const m = toHalfWidth(stem);
  const found = [...m.matchAll(STEM_KEY_RE)].at(-1);
  if (!found) return { stem };
  const open = stem[found.index] as string;
  const close = stem[found.index + found[0].length - 1] as string;
  return { stem: `${stem.slice(0, found.index)}${open} ${close}${stem.slice(found.index + found[0].length)}`, key: found[1] };
}

/** Removes a leading or trailing `（√）`/`（×）`/`（ ）` from a 判断 stem; returns the mark if any. */
function takeTrueFalseMark(stem: string, blankToo: boolean): { stem: string; mark?: string } {
  for (const re of [TF_LEADING_RE, TF_TRAILING_RE]) {
    const found = re.exec(toHalfWidth(stem));
    if (found && (found[1] !== undefined || blankToo)) {
      return { stem: (stem.slice(0, found.index) + stem.slice(found.index + found[0].length)).trim(), mark: found[1] };
    }
  }
  return { stem };
}

/** The raw item of a draft; `imageIds` maps the draft's image relationship ids to content hashes or problems. */
export function finish(draft: Draft, imageIds: Map<string, string | Problem>): DocxRow {
  const problems = draft.problems;
  const section = draft.section;
  let stem = draft.stem.map((s) => s.text).join('\n').trim();
  let element = draft.element;
  const trailing = TRAILING_CODE_RE.exec(toHalfWidth(stem));
  if (trailing) {
    if (element === undefined) element = trailing[1];
    stem = stem.slice(0, trailing.index).trim();
  }
  const options = Array.from({ length: draft.options.length }, (_, i) => draft.options[i] ?? '');
  const tfPair = trueFalseOptionPair(options);

  // 题型: from the section, else from what the item looks like.
  let type: TheoryItemType | undefined;
  const keyTexts = [draft.key?.text, draft.tableKey?.text].filter((t): t is string => t !== undefined);
  const declared = draft.typeTag ?? section?.type;
  if (declared === 'trueFalse' || declared === 'singleChoice' || declared === 'multipleChoice') type = declared;
  else if (declared !== 'unsupported') {
    const stemKey = takeStemKey(stem).key;
    const letters = [...keyTexts, stemKey].map((t) => (t === undefined ? undefined : parseChoiceKey(t))).find((k) => k !== undefined);
    if (options.length > 0 && tfPair === undefined) type = letters !== undefined ? (letters.length > 1 ? 'multipleChoice' : 'singleChoice') : options.length > 4 ? 'multipleChoice' : 'singleChoice';
    else if (takeTrueFalseMark(stem, false).mark !== undefined || keyTexts.some((t) => parseTrueFalseKey(t) !== undefined) || tfPair !== undefined) type = 'trueFalse';
  }

  const raw: Record<string, unknown> = {};
  let key: unknown;
  let keySource: { text: string; paragraph: number } | undefined = draft.key;
  if (type === 'trueFalse') {
    const taken = takeTrueFalseMark(stem, true);
    stem = taken.stem;
    if (keySource === undefined && taken.mark !== undefined) keySource = { text: taken.mark, paragraph: draft.paragraph };
    if (options.length > 0 && tfPair === undefined) problems.push(draftProblem(draft, ['options'], msg.trueFalseOptions, draft.optionParagraphs.find((p) => p !== undefined)));
    const parseTf = (text: string) => (tfPair !== undefined && trueFalseFromLetter(text) !== undefined ? trueFalseFromLetter(text) : parseTrueFalseKey(text));
    key = keyFrom(draft, keySource, parseTf, problems);
  } else if (type !== undefined) {
    const taken = takeStemKey(stem);
    stem = taken.stem;
    if (keySource === undefined && taken.key !== undefined) keySource = { text: taken.key, paragraph: draft.paragraph };
    key = keyFrom(draft, keySource, parseChoiceKey, problems);
    if (type === 'singleChoice' && typeof key === 'string' && key.length > 1 && parseChoiceKey(key) !== undefined) {
      problems.push(draftProblem(draft, ['key'], msg.singleKey(key), keySource?.paragraph));
    }
  } else if (section !== undefined && declared === 'unsupported') {
    problems.push(draftProblem(draft, ['type'], msg.unknown(section.word)));
    key = draft.key?.text ?? draft.tableKey?.text;
  } else {
    problems.push(draftProblem(draft, ['type'], msg.unknownType));
    key = draft.key?.text ?? draft.tableKey?.text;
  }

  raw.type = type ?? (declared === 'unsupported' ? section?.word : undefined);
  raw.stem = stem;
  if (type !== 'trueFalse' && (options.length > 0 || type !== undefined)) raw.options = options;
  raw.key = key;
  let difficulty: number | string | undefined;
  if (draft.difficulty !== undefined) {
    difficulty = parseDifficulty(draft.difficulty.text);
    if (difficulty === undefined) {
      problems.push(draftProblem(draft, ['difficulty'], msg.difficulty(draft.difficulty.text), draft.difficulty.paragraph));
      difficulty = draft.difficulty.text;
    }
  }
  raw.difficulty = difficulty;
  raw.element = element;
  raw.explanation = draft.explanation.join('\n').trim();
  const images: string[] = [];
  for (const id of draft.images) {
    const found = imageIds.get(id);
    if (typeof found === 'string') {
      if (!images.includes(found)) images.push(found);
    } else if (found !== undefined) problems.push(found);
  }
  raw.images = images;
  return { paragraph: draft.paragraph, section: section?.name ?? '', raw, problems };
}

/** The key from its source (answer line, brackets, or else the key table), parsed; problems named. */
function keyFrom(
  draft: Draft,
  source: { text: string; paragraph: number } | undefined,
  parse: (text: string) => string | boolean | undefined,
  problems: Problem[],
): unknown {
  const table = draft.tableKey;
  if (source !== undefined && table !== undefined) {
    const a = parse(source.text);
    const b = parse(table.text);
    if (a !== undefined && b !== undefined && a !== b) {
      problems.push(draftProblem(draft, ['key'], msg.keyConflict(source.text, table.text), source.paragraph));
    }
  }
  const chosen = source ?? table;
  if (chosen === undefined) {
    problems.push(draftProblem(draft, ['key'], msg.missingKey));
    return undefined;
  }
  const parsed = parse(chosen.text);
  if (parsed === undefined) {
    problems.push(draftProblem(draft, ['key'], msg.unknown(chosen.text), chosen.paragraph));
    return chosen.text;
  }
  return parsed;
}

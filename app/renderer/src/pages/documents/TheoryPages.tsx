/**
 * The 理论知识试卷 and its 标准答案与评分标准 as blocks for the sheets, from `TheoryPaperData` — the
 * parts the .docx templates print, in their order: 密封线, title, 试卷编号, 注意事项, 得分表, then per
 * section the 得分/评分人 box with the section header and the numbered items (stem with its answer
 * bracket, images, options A–E four, two or one to a line); the answers as a separate document:
 * title, per section the key table (ten to a row), the 评分标准.
 */
import type { CSSProperties, ReactNode } from 'react';
import { chineseNumber } from '../../../../domain/format.js';
import type { TheoryPaperData, TheoryPaperItem, TheoryPaperSection } from '../../../../domain/submission/documents.js';
import { formatKey, OPTION_LETTERS } from '../../../../domain/theory-item.js';
import { imageUrl } from './paperData.js';
import { FONTS, type Block } from './PaperSheets.js';
import * as W from './paperWording.js';
import { documentsText } from './text.js';

const heading: CSSProperties = { fontFamily: FONTS.heading };
const cell: CSSProperties = { border: '1px solid #000', padding: '2px 4px', textAlign: 'center', minWidth: 28, height: 22 };
const shaded: CSSProperties = { ...cell, background: '#eee' };
const grid: CSSProperties = { borderCollapse: 'collapse', margin: '4px auto' };

function Line(props: { children: ReactNode; align?: 'left' | 'center' | 'right'; style?: CSSProperties; testId?: string }) {
  return (
    <p style={{ margin: 0, textAlign: props.align ?? 'left', ...props.style }} data-testid={props.testId}>
      {props.children}
    </p>
  );
}

function Title(props: { text: string; size: number; testId?: string }) {
  return <Line align="center" style={{ ...heading, fontSize: props.size, margin: '6px 0 10px' }} testId={props.testId}>{props.text}</Line>;
}

/** Half-em units of a text (CJK and full-width: 2), as the template judges option widths. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x0370 ? 2 : 1;
  return n;
}

/** Options per line: all of them, else two (three for five), else one — by the longest option. */
function columnsFor(labelled: readonly string[]): number {
  const room = 86; // half-em units of the text width beside the indent
  const longest = Math.max(...labelled.map(units));
  return [labelled.length, labelled.length > 4 ? 3 : 2].find((n) => longest + 4 <= Math.floor(room / n)) ?? 1;
}

function Options(props: { options: readonly string[] }) {
  const labelled = props.options.map((o, i) => `${OPTION_LETTERS[i] ?? '?'}. ${o}`);
  const columns = columnsFor(labelled);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, 1fr)`, paddingLeft: '2em' }}>
      {labelled.map((text, i) => (
        <span key={i}>{text}</span>
      ))}
    </div>
  );
}

/** A stem as printed: every empty answer bracket opened wide enough to write in (the template widens it by character spacing). */
function Stem(props: { number: number; stem: string }) {
  const text = W.stemWithBracket(props.stem);
  const parts: ReactNode[] = [`${props.number}. `];
  let at = 0;
  for (const m of text.matchAll(W.ANSWER_BRACKET)) {
    parts.push(text.slice(at, m.index), '（', <span key={m.index} style={{ display: 'inline-block', width: '2.5em' }} />, '）');
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return <Line>{parts.map((p, i) => (typeof p === 'string' ? <span key={`t${i}`}>{p}</span> : p))}</Line>;
}

function Item(props: { entry: TheoryPaperItem }) {
  const { item, number, images } = props.entry;
  return (
    <div style={{ marginTop: 4 }} data-testid="paper-item">
      <Stem number={number} stem={item.stem} />
      {images.map((img, i) => (
        <div key={img.sha256} style={{ textAlign: 'center', margin: '4px 0' }}>
          <img src={imageUrl(img)} alt={documentsText.preview.image(number, i + 1)} style={{ maxWidth: '80%', maxHeight: 300 }} />
        </div>
      ))}
      {item.type !== 'trueFalse' && <Options options={item.options} />}
    </div>
  );
}

function ScoreTable(props: { data: TheoryPaperData }) {
  const sections = W.presentSections(props.data);
  return (
    <table style={grid}>
      <tbody>
        <tr>
          <td style={cell} />
          {sections.map((s) => (
            <td key={s.position} style={cell}>
              {chineseNumber(s.position)}
            </td>
          ))}
          <td style={cell}>{W.SCORE.total}</td>
          <td style={cell}>{W.SCORE.totaller}</td>
        </tr>
        <tr>
          <td style={{ ...shaded, ...heading }}>{W.SCORE.score}</td>
          {[...sections, 0, 1].map((_, i) => (
            <td key={i} style={cell} />
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function SectionHead(props: { section: TheoryPaperSection; position: number; note: string; box: boolean }) {
  return (
    <div style={{ marginTop: 10 }}>
      {props.box && (
        <table style={{ ...grid, margin: '0 0 4px' }}>
          <tbody>
            <tr>
              <td style={shaded}>{W.SCORE.score}</td>
              <td style={{ ...cell, width: 60 }} />
            </tr>
            <tr>
              <td style={shaded}>{W.SCORE.marker}</td>
              <td style={cell} />
            </tr>
          </tbody>
        </table>
      )}
      <Line>
        <span style={{ ...heading, fontSize: 13 }}>{W.sectionName(props.section, props.position)}</span>
        {props.note}
      </Line>
    </div>
  );
}

/** Blocks of the 试卷. */
export function theoryPaperBlocks(data: TheoryPaperData): Block[] {
  const blocks: Block[] = [
    {
      key: 'seal',
      node: (
        <>
          <Line align="center" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>{W.blankFieldsText(W.SEAL.fields)}</Line>
          <Line align="center" style={{ marginBottom: 10 }}>{W.SEAL.line}</Line>
        </>
      ),
    },
    { key: 'title', node: <Title text={W.paperTitle(data)} size={17} testId="paper-title" />, keepWithNext: true },
    { key: 'code', node: <Line align="right">{W.paperCodeLine(data.paperCode)}</Line>, keepWithNext: true },
    {
      key: 'notice',
      node: (
        <div data-testid="paper-notice">
          <Line style={{ ...heading, fontSize: 13 }}>{W.NOTICE_HEADING}</Line>
          {W.noticeLines(data).map((l) => (
            <Line key={l}>{l}</Line>
          ))}
        </div>
      ),
    },
    { key: 'score', node: <ScoreTable data={data} /> },
  ];
  for (const { section, position } of W.presentSections(data)) {
    blocks.push({ key: `s${position}`, node: <SectionHead section={section} position={position} note={W.paperSectionNote(section)} box />, keepWithNext: true });
    for (const entry of section.items) blocks.push({ key: `i${entry.number}`, node: <Item entry={entry} /> });
  }
  return blocks;
}

function KeyRows(props: { items: readonly TheoryPaperItem[] }) {
  const per = W.KEY_TABLE.perRow;
  const pad = Array.from({ length: per - props.items.length }, (_, i) => i);
  return (
    <table style={{ ...grid, width: '100%' }}>
      <tbody>
        <tr>
          <td style={{ ...shaded, ...heading }}>{W.KEY_TABLE.number}</td>
          {props.items.map((e) => (
            <td key={e.number} style={shaded}>
              {e.number}
            </td>
          ))}
          {pad.map((i) => (
            <td key={`p${i}`} style={shaded} />
          ))}
        </tr>
        <tr>
          <td style={{ ...cell, ...heading }}>{W.KEY_TABLE.answer}</td>
          {props.items.map((e) => (
            <td key={e.number} style={cell} data-testid="answer-key">
              {formatKey(e.item)}
            </td>
          ))}
          {pad.map((i) => (
            <td key={`p${i}`} style={cell} />
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Blocks of the 标准答案与评分标准. */
export function theoryAnswerBlocks(data: TheoryPaperData): Block[] {
  const blocks: Block[] = [
    { key: 'title', node: <Title text={W.paperTitle(data)} size={15} />, keepWithNext: true },
    { key: 'subtitle', node: <Title text={W.ANSWERS_SUBTITLE} size={17} testId="answers-title" />, keepWithNext: true },
    { key: 'code', node: <Line align="right">{W.paperCodeLine(data.paperCode)}</Line> },
  ];
  for (const { section, position } of W.presentSections(data)) {
    blocks.push({ key: `s${position}`, node: <SectionHead section={section} position={position} note={W.answersSectionNote(section)} box={false} />, keepWithNext: true });
    for (let i = 0; i < section.items.length; i += W.KEY_TABLE.perRow) {
      blocks.push({ key: `k${position}-${i}`, node: <KeyRows items={section.items.slice(i, i + W.KEY_TABLE.perRow)} /> });
    }
  }
  blocks.push({ key: 'marking-head', node: <Line style={{ ...heading, fontSize: 13, marginTop: 14 }}>{W.MARKING_HEADING}</Line>, keepWithNext: true });
  W.markingLines(data).forEach((l, i) => blocks.push({ key: `m${i}`, node: <Line>{l}</Line> }));
  return blocks;
}

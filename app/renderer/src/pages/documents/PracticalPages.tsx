/**
 * The 技能考核试卷 (考生试卷) as blocks for the sheets, from `PracticalPaperData`, in the template's
 * order: the two-line title, 试卷编号, the candidate's blanks, 注意事项, then each 试题 on a page of
 * its own — name, 分值, 时间, 形式, 具体考核要求 (description and numbered requirements), 附图及说明.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { PracticalPaperData, PracticalPaperTask } from '../../../../domain/submission/documents.js';
import { imageUrl } from './paperData.js';
import { FONTS, type Block } from './PaperSheets.js';
import * as W from './paperWording.js';

const heading: CSSProperties = { fontFamily: FONTS.heading };
const indented: CSSProperties = { margin: 0, textIndent: '2em' };

function P(props: { children: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <p style={{ margin: 0, ...props.style }} data-testid={props.testId}>
      {props.children}
    </p>
  );
}

function taskBlocks(t: PracticalPaperTask, first: boolean): Block[] {
  const task = t.task;
  const k = `t${t.number}`;
  const blocks: Block[] = [
    {
      key: `${k}-head`,
      breakBefore: !first,
      keepWithNext: true,
      node: (
        <div data-testid="paper-task">
          <P style={{ ...heading, fontSize: 14, margin: '10px 0 6px' }}>{W.taskHeading(t.number, task.title)}</P>
          {W.taskLabels(task).map(([label, value]) => (
            <P key={label}>
              <b>{label}：</b>
              {value}
            </P>
          ))}
          <P>
            <b>{W.REQUIREMENTS_HEADING}</b>
          </P>
        </div>
      ),
    },
    ...W.lines(task.description).map((l, i) => ({ key: `${k}-d${i}`, node: <P style={indented}>{l}</P> })),
    ...task.requirements.map((r, i) => ({ key: `${k}-r${i}`, node: <P style={indented}>{`${i + 1}. ${W.stripNumber(r)}`}</P> })),
  ];
  if (task.figureNote !== '' || t.images.length > 0) {
    blocks.push({ key: `${k}-fig`, node: <P style={{ marginTop: 6 }}><b>{W.FIGURES_HEADING}</b></P>, keepWithNext: true });
    W.lines(task.figureNote).forEach((l, i) => blocks.push({ key: `${k}-fn${i}`, node: <P style={indented}>{l}</P> }));
    t.images.forEach((img, i) =>
      blocks.push({
        key: `${k}-img${i}`,
        node: (
          <div style={{ textAlign: 'center', margin: '6px 0' }}>
            <img src={imageUrl(img)} alt={W.figureCaption(t.number, i)} style={{ maxWidth: '90%', maxHeight: 420 }} />
            <P style={{ textAlign: 'center', fontSize: 11 }}>{W.figureCaption(t.number, i)}</P>
          </div>
        ),
      }),
    );
  }
  return blocks;
}

export function practicalPaperBlocks(data: PracticalPaperData): Block[] {
  const title = W.practicalTitle(data.header, data.setLabel);
  const notes = [W.practicalFirstNote(data.minutes, data.tasks.length, data.totalPoints), ...W.PAPER_NOTES];
  const head: Block = {
    key: 'head',
    node: (
      <div>
        <P style={{ ...heading, fontSize: 15, textAlign: 'center' }}>{title.top.trim()}</P>
        <P style={{ ...heading, fontSize: 19, textAlign: 'center', marginBottom: 10 }} testId="paper-title">
          {title.main}
        </P>
        <P style={{ textAlign: 'right' }}>{W.paperCodeLine(data.paperCode)}</P>
        <P style={{ textAlign: 'center', marginBottom: 10, fontSize: 11, whiteSpace: 'nowrap' }}>{W.blankFieldsText(W.SEAL.fields)}</P>
        <P style={{ ...heading, fontSize: 14, textAlign: 'center' }}>{W.NOTICE_HEADING_SPACED}</P>
        <div data-testid="paper-notice">
          {notes.map((n, i) => (
            <P key={i} style={indented}>{`${i + 1}. ${W.stripNumber(n)}`}</P>
          ))}
        </div>
      </div>
    ),
  };
  return [head, ...data.tasks.flatMap((t, i) => taskBlocks(t, i === 0))];
}

/**
 * The item as printed: a theory item as on the paper (题干 with its blank, options A–D), the answer
 * and 解析 only in the 标准答案 preview; a practical task with its 考场/考生准备通知单 and, in the
 * 标准答案 preview, its 评分标准; a 综合评审 item with its 考核说明, and its 评分标准 and 评分表 likewise.
 * It shows the body as edited (not yet saved) so a writer sees the effect of a change.
 */
import { Segmented, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { NOTICE_GROUPS, noticeGroupNames } from '../../../../domain/practical-task.js';
import { OPTION_LETTERS } from '../../../../domain/theory-item.js';
import { ItemImage } from './ImageField.js';
import type { ItemKind } from './forms.js';
import { itemsText } from './text.js';

const t = itemsText.preview;
type Body = Record<string, unknown>;

const paper = { fontFamily: '"Noto Serif CJK SC", "SimSun", "Songti SC", serif', fontSize: 15, lineHeight: 1.9, background: '#fff', border: '1px solid #d9d9d9', padding: '24px 32px', maxWidth: 820 } as const;
const cell = { border: '1px solid #595959', padding: '2px 6px', verticalAlign: 'top' } as const;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Body => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});

function Table(props: { head: readonly string[]; rows: readonly (readonly ReactNode[])[]; testId?: string }) {
  return (
    <table data-testid={props.testId} style={{ borderCollapse: 'collapse', width: '100%', margin: '8px 0', fontSize: 14 }}>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h} style={{ ...cell, background: '#fafafa' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} style={cell}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Images(props: { bankId: number; images: unknown }) {
  const images = list(props.images).map(str).filter((h) => h !== '');
  if (images.length === 0) return null;
  return (
    <Space wrap>
      {images.map((h) => (
        <ItemImage key={h} bankId={props.bankId} sha256={h} maxWidth={360} />
      ))}
    </Space>
  );
}

function keyText(b: Body): string {
  if (b.type === 'trueFalse') return b.key === true ? '√' : b.key === false ? '×' : '';
  return str(b.key);
}

function TheoryPreview(props: { bankId: number; body: Body; answers: boolean }) {
  const b = props.body;
  const options = list(b.options).map(str);
  const tf = b.type === 'trueFalse';
  return (
    <div data-testid="preview-theory">
      <div>
        {tf ? `${t.trueFalseBlank}1. ${str(b.stem)}` : `1. ${str(b.stem)}${/（\s*）/u.test(str(b.stem)) ? '' : t.choiceBlank}`}
      </div>
      <Images bankId={props.bankId} images={b.images} />
      {options.map((o, i) => (
        <div key={i} data-testid="preview-option" style={{ paddingLeft: '2em' }}>
          {OPTION_LETTERS[i]}．{o}
        </div>
      ))}
      {props.answers && (
        <div data-testid="preview-answer" style={{ marginTop: 12, color: '#a8071a' }}>
          <div>
            {t.answer}
            {keyText(b)}
          </div>
          {str(b.explanation) !== '' && (
            <div>
              {t.explanation}
              {str(b.explanation)}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function Notice(props: { title: string; notice: unknown }) {
  const n = rec(props.notice);
  const rows: ReactNode[][] = [];
  for (const g of NOTICE_GROUPS) {
    list(n[g]).forEach((r) => {
      const x = rec(r);
      rows.push([noticeGroupNames[g], str(x.name), str(x.spec), str(x.unit), str(x.quantity), str(x.remark)]);
    });
  }
  const notes = list(n.notes).map(str);
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ textAlign: 'center', fontFamily: 'inherit' }}>
        {props.title}
      </Typography.Title>
      <Table head={t.noticeHead} rows={rows} />
      {notes.length > 0 && (
        <div>
          {t.notes}：{notes.map((x, i) => <div key={i}>{`${i + 1}. ${x}`}</div>)}
        </div>
      )}
    </div>
  );
}

function Rubric(props: { rows: unknown; testId: string }) {
  const rows = list(props.rows).map((r, i) => {
    const x = rec(r);
    return [String(i + 1), str(x.content), str(x.keyPoint), str(x.points), str(x.criteria), str(x.deductionNote)];
  });
  return <Table head={t.rubricHead} rows={rows} testId={props.testId} />;
}

function PracticalPreview(props: { bankId: number; body: Body; answers: boolean }) {
  const b = props.body;
  return (
    <div data-testid="preview-practical">
      <Typography.Title level={4} style={{ textAlign: 'center', fontFamily: 'inherit' }}>
        {str(b.title)}
      </Typography.Title>
      <div>{t.meta(Number(b.points), Number(b.minutes), str(b.form))}</div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{str(b.description)}</div>
      <div style={{ fontWeight: 600 }}>{t.requirements}</div>
      {list(b.requirements).map((r, i) => (
        <div key={i}>{str(r)}</div>
      ))}
      {str(b.figureNote) !== '' && <div style={{ marginTop: 8 }}>{str(b.figureNote)}</div>}
      <Images bankId={props.bankId} images={b.images} />
      <Notice title={itemsText.edit.siteNotice} notice={b.siteNotice} />
      <Notice title={itemsText.edit.candidateNotice} notice={b.candidateNotice} />
      {props.answers ? (
        <>
          <Typography.Title level={5} style={{ textAlign: 'center', fontFamily: 'inherit', marginTop: 16 }}>
            {itemsText.edit.rubric}
          </Typography.Title>
          <Rubric rows={b.rubric} testId="preview-rubric" />
        </>
      ) : (
        <Typography.Text type="secondary">{t.rubricOnlyInAnswers}</Typography.Text>
      )}
    </div>
  );
}

function ComprehensivePreview(props: { body: Body; answers: boolean }) {
  const b = props.body;
  const score = list(b.scoreSheet).map((r, i) => {
    const x = rec(r);
    return [String(i + 1), str(x.aspect), str(x.keyPoint), str(x.points)];
  });
  return (
    <div data-testid="preview-comprehensive">
      <Typography.Title level={4} style={{ textAlign: 'center', fontFamily: 'inherit' }}>
        {str(b.title)}
      </Typography.Title>
      <div>{t.meta(Number(b.points), Number(b.minutes), str(b.form))}</div>
      <div style={{ fontWeight: 600 }}>{t.instructions}</div>
      {list(b.instructions).map((r, i) => (
        <div key={i}>{`${i + 1}. ${str(r)}`}</div>
      ))}
      <div style={{ fontWeight: 600, marginTop: 8 }}>{t.question}</div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{str(b.question)}</div>
      {props.answers ? (
        <>
          <Typography.Title level={5} style={{ textAlign: 'center', fontFamily: 'inherit', marginTop: 16 }}>
            {itemsText.edit.rubric}
          </Typography.Title>
          <Rubric rows={b.rubric} testId="preview-rubric" />
          <Typography.Title level={5} style={{ textAlign: 'center', fontFamily: 'inherit' }}>
            {itemsText.edit.scoreSheet}
          </Typography.Title>
          <Table head={t.scoreHead} rows={score} testId="preview-score-sheet" />
        </>
      ) : (
        <Typography.Text type="secondary">{t.rubricOnlyInAnswers}</Typography.Text>
      )}
    </div>
  );
}

export function ItemPreview(props: { bankId: number; kind: ItemKind; body: Body; initialMode?: 'paper' | 'answers' }) {
  const [mode, setMode] = useState<'paper' | 'answers'>(props.initialMode ?? 'paper');
  const answers = mode === 'answers';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        data-testid="preview-mode"
        value={mode}
        onChange={(v) => setMode(v as 'paper' | 'answers')}
        options={[
          { value: 'paper', label: t.paper },
          { value: 'answers', label: t.answers },
        ]}
      />
      <div data-testid="preview" data-mode={mode} style={paper}>
        {props.kind === 'theory' && <TheoryPreview bankId={props.bankId} body={props.body} answers={answers} />}
        {props.kind === 'practical' && <PracticalPreview bankId={props.bankId} body={props.body} answers={answers} />}
        {props.kind === 'comprehensive' && <ComprehensivePreview body={props.body} answers={answers} />}
      </div>
    </Space>
  );
}

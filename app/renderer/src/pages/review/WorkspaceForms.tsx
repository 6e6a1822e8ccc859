/**
 * Below the workbench: a comment on a document (review.note), the expert's own conclusion
 * (review.conclude, once every item is judged) and, for the 审核组长, the panel's conclusion
 * (review.finalize) with the experts who have not concluded yet.
 */
import { Alert, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { VERDICTS, type Verdict } from '../../../../domain/review/verdicts.js';
import { api, errorMessage } from '../../api/client.js';
import { localTime } from '../assembly/causes.js';
import type { Workspace } from './model.js';
import { reviewText, VERDICT_COLORS } from './text.js';

const t = reviewText.workspace;
type Conclusion = Workspace['conclusions'][number];
type Round = Workspace['round'];

/** Runs a call and keeps its outcome as a line to show. */
function useOutcome() {
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ type: 'success', text: await call() });
    } catch (e) {
      setOutcome({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return { outcome, busy, run };
}

function Outcome(props: { outcome: { type: 'success' | 'error'; text: string } | null; testId: string }) {
  if (!props.outcome) return null;
  return <Alert type={props.outcome.type} showIcon title={props.outcome.text} data-testid={`${props.testId}-${props.outcome.type === 'error' ? 'error' : 'done'}`} />;
}

export function NoteCard(props: { bankId: number; roundId: number; count: number; onAdded(): void }) {
  const [documentName, setDocumentName] = useState('');
  const [text, setText] = useState('');
  const o = useOutcome();
  const submit = () =>
    o.run(async () => {
      await api['review.note']({ bankId: props.bankId, roundId: props.roundId, document: documentName, text });
      setText('');
      props.onAdded();
      return t.note.done;
    });
  return (
    <Card size="small" title={t.note.title} data-testid="note-card">
      <Typography.Paragraph type="secondary">{t.note.intro}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.note.document}>
          <Input value={documentName} placeholder={t.note.documentHint} maxLength={100} onChange={(e) => setDocumentName(e.target.value)} data-testid="note-document" />
        </Form.Item>
        <Form.Item label={t.note.text}>
          <Input.TextArea value={text} rows={2} maxLength={5000} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
        </Form.Item>
        <Space>
          <Button onClick={() => void submit()} loading={o.busy} data-testid="note-submit">
            {t.note.submit}
          </Button>
          {props.count > 0 && <Typography.Text type="secondary">{t.note.mine(props.count)}</Typography.Text>}
        </Space>
      </Form>
      <Outcome outcome={o.outcome} testId="note" />
    </Card>
  );
}

export function ConcludeCard(props: { bankId: number; roundId: number; left: number; mine: Conclusion | undefined; personId: number; name: string; onConcluded(c: Conclusion): void }) {
  const [conclusion, setConclusion] = useState<Verdict>(VERDICTS.find((v) => v === props.mine?.conclusion) ?? '通过');
  const [opinion, setOpinion] = useState(props.mine?.opinion ?? '');
  const o = useOutcome();
  const submit = () =>
    o.run(async () => {
      await api['review.conclude']({ bankId: props.bankId, roundId: props.roundId, conclusion, opinion });
      props.onConcluded({ personId: props.personId, name: props.name, conclusion, opinion, at: new Date().toISOString() });
      return t.conclude.submitted(conclusion);
    });
  return (
    <Card size="small" title={t.conclude.title} data-testid="conclude-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type={props.left > 0 ? 'secondary' : undefined}>{t.conclude.intro(props.left)}</Typography.Text>
        {props.mine && !o.outcome && (
          <Typography.Text data-testid="conclusion-mine">
            {t.conclude.done(props.mine.conclusion, localTime(props.mine.at))}
          </Typography.Text>
        )}
        <Radio.Group value={conclusion} onChange={(e) => setConclusion(e.target.value as Verdict)} options={VERDICTS.map((v) => ({ value: v, label: v }))} data-testid="conclude-verdict" />
        <Input.TextArea value={opinion} placeholder={t.conclude.opinion} rows={2} maxLength={5000} onChange={(e) => setOpinion(e.target.value)} data-testid="conclude-opinion" />
        <Button type="primary" disabled={props.left > 0} loading={o.busy} onClick={() => void submit()} data-testid="conclude-submit">
          {t.conclude.submit}
        </Button>
        <Outcome outcome={o.outcome} testId="conclude" />
      </Space>
    </Card>
  );
}

export function FinalizeCard(props: { bankId: number; round: Round; conclusions: readonly Conclusion[]; onFinalized(round: Round): void }) {
  const { round } = props;
  const [conclusion, setConclusion] = useState<Verdict>(round.conclusion || '通过');
  const [opinion, setOpinion] = useState(round.opinion);
  const o = useOutcome();
  const done = new Set(props.conclusions.map((c) => c.personId));
  const missing = round.panel.members.filter((m) => !done.has(m.personId)).map((m) => m.name);
  const submit = () =>
    o.run(async () => {
      const next = await api['review.finalize']({ bankId: props.bankId, roundId: round.id, conclusion, opinion });
      props.onFinalized(next);
      return t.finalize.done(next.conclusion, next.concludedBy, localTime(next.concludedAt));
    });
  return (
    <Card size="small" title={t.finalize.title} data-testid="finalize-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {round.conclusion !== '' && !o.outcome && <Typography.Text data-testid="finalize-current">{t.finalize.done(round.conclusion, round.concludedBy, localTime(round.concludedAt))}</Typography.Text>}
        {missing.length > 0 ? (
          <Alert type="warning" showIcon title={t.finalize.missing(missing.join('、'))} data-testid="finalize-missing" />
        ) : (
          <Alert type="success" showIcon title={t.finalize.allConcluded} />
        )}
        <div>
          <Typography.Text type="secondary">{t.finalize.conclusions}：</Typography.Text>
          {props.conclusions.map((c) => (
            <Tag key={c.personId} color={VERDICT_COLORS[c.conclusion]}>
              {c.name} {c.conclusion}
            </Tag>
          ))}
        </div>
        <Radio.Group value={conclusion} onChange={(e) => setConclusion(e.target.value as Verdict)} options={VERDICTS.map((v) => ({ value: v, label: v }))} data-testid="finalize-verdict" />
        <Input.TextArea value={opinion} placeholder={t.finalize.opinion} rows={2} maxLength={5000} onChange={(e) => setOpinion(e.target.value)} data-testid="finalize-opinion" />
        <Button type="primary" loading={o.busy} disabled={missing.length > 0} onClick={() => void submit()} data-testid="finalize-submit">
          {t.finalize.submit}
        </Button>
        <Outcome outcome={o.outcome} testId="finalize" />
      </Space>
    </Card>
  );
}

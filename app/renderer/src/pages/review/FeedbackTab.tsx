/**
 * 意见答复 (authors and the manager): the sets still to update on top (BlockersCard), then every
 * verdict that asks for something and every comment on a document (review.feedback), with the item's
 * newest version and state so a revision shows, and the answer — written inline (review.answer).
 * Comments quote item content: a secret view of the bank's mark.
 */
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../domain/roles.js';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSecretView } from '../../app/secrecy.js';
import { BlockersCard } from './BlockersCard.js';
import { reviewText, VERDICT_COLORS } from './text.js';

const t = reviewText.feedback;
type Feedback = Awaited<ReturnType<QbankApi['review.feedback']>>;
type Entry = Feedback['entries'][number];

function Answer(props: { bankId: number; roundId: number; entry: Entry; onAnswered(f: Feedback): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `${props.entry.kind}-${props.entry.id}`;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onAnswered(await api['review.answer']({ bankId: props.bankId, roundId: props.roundId, kind: props.entry.kind, id: props.entry.id, answer: text }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={text} placeholder={t.answerHint} onChange={(e) => setText(e.target.value)} onPressEnter={() => void send()} data-testid={`answer-${id}`} />
        <Button type="primary" loading={busy} onClick={() => void send()} data-testid={`answer-send-${id}`}>
          {t.answer}
        </Button>
      </Space.Compact>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

export function FeedbackTab(props: { bankId: number; mark: SecrecyLevel | null; roles: readonly Role[] }) {
  const loaded = useLoad(() => api['review.feedback']({ bankId: props.bankId }), [props.bankId]);
  const [answered, setAnswered] = useState<Feedback | null>(null);
  const feedback = answered ?? loaded.data;
  const canAnswer = props.roles.includes('manager') || props.roles.includes('author');
  useSecretView(feedback && feedback.entries.length > 0 ? props.mark : null);
  const reload = () => {
    setAnswered(null);
    loaded.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="feedback-tab">
      <BlockersCard bankId={props.bankId} manager={props.roles.includes('manager')} onChanged={reload} />
      <Card size="small" title={t.title} extra={feedback && feedback.open > 0 && <Tag color="orange">{t.open(feedback.open)}</Tag>}>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        {loaded.error && <Alert type="error" showIcon title={loaded.error} data-testid="feedback-error" />}
        <Table<Entry>
          size="small"
          rowKey={(e) => `${e.kind}-${e.id}`}
          pagination={false}
          loading={loaded.loading}
          data-testid="feedback"
          locale={{ emptyText: t.empty }}
          dataSource={[...(feedback?.entries ?? [])]}
          onRow={(e) => ({ 'data-testid': `feedback-${e.kind}-${e.id}` }) as object}
          columns={[
            { title: t.columns.expert, dataIndex: 'expert', width: 90 },
            { title: t.columns.target, dataIndex: 'target', width: 180 },
            { title: t.columns.verdict, width: 110, render: (_: unknown, e) => (e.kind === 'note' ? <Tag>{t.note}</Tag> : <Tag color={VERDICT_COLORS[e.verdict]}>{e.verdict}</Tag>) },
            { title: t.columns.text, dataIndex: 'text' },
            {
              title: t.columns.now,
              width: 130,
              render: (_: unknown, e) =>
                e.latestVersion === null ? (
                  reviewText.workspace.none
                ) : (
                  <Tag color={e.version !== null && e.latestVersion > e.version ? 'blue' : undefined}>{t.now(e.latestVersion, e.state)}</Tag>
                ),
            },
            {
              title: t.columns.answer,
              width: 300,
              render: (_: unknown, e) =>
                e.answer !== '' ? (
                  <span data-testid={`answered-${e.kind}-${e.id}`}>
                    {e.answer}
                    <Typography.Text type="secondary">{t.answeredBy(e.answeredBy)}</Typography.Text>
                  </span>
                ) : canAnswer && feedback ? (
                  <Answer bankId={props.bankId} roundId={feedback.roundId} entry={e} onAnswered={setAnswered} />
                ) : (
                  reviewText.workspace.none
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

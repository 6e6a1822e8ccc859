/**
 * 审核组 (the manager's): the bank's review rounds with their panel, conclusion and signatures;
 * 开始新一轮审核 with its dates (review.open); and the panel editor of the latest round.
 */
import { Alert, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { PanelEditor } from './PanelEditor.js';
import { reviewText, VERDICT_COLORS } from './text.js';

const t = reviewText.panel;
type Round = Awaited<ReturnType<QbankApi['review.rounds']>>[number];

function OpenRound(props: { bankId: number; open: boolean; onClose(): void; onOpened(round: Round): void }) {
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onOpened(await api['review.open']({ bankId: props.bankId, startsOn, endsOn }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t.openTitle}
      okText={reviewText.ok}
      cancelText={reviewText.cancel}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'round-open-confirm' } }}
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.openIntro}</Typography.Text>
        <Space wrap>
          <Typography.Text>{t.startsOn}</Typography.Text>
          <Input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="round-starts" />
          <Typography.Text>{t.endsOn}</Typography.Text>
          <Input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="round-ends" />
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="round-open-error" />}
      </Space>
    </Modal>
  );
}

export function PanelTab(props: { bankId: number }) {
  const rounds = useLoad(() => api['review.rounds']({ bankId: props.bankId }), [props.bankId]);
  const [opening, setOpening] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const latest = rounds.data?.at(-1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="panel-tab">
      <Card
        size="small"
        title={t.rounds}
        extra={
          <Button type="primary" onClick={() => setOpening(true)} data-testid="round-open">
            {t.open}
          </Button>
        }
      >
        {rounds.error && <Alert type="error" showIcon title={rounds.error} action={<Button onClick={rounds.reload}>{reviewText.retry}</Button>} />}
        {message && <Alert type="success" showIcon title={message} data-testid="round-opened" style={{ marginBottom: 12 }} />}
        <Table<Round>
          size="small"
          rowKey="id"
          pagination={false}
          loading={rounds.loading}
          data-testid="rounds"
          locale={{ emptyText: reviewText.noRound }}
          dataSource={[...(rounds.data ?? [])].reverse()}
          columns={[
            { title: t.columns.round, width: 80, render: (_: unknown, r) => `第 ${r.round} 次` },
            { title: t.columns.dates, width: 220, render: (_: unknown, r) => `${r.startsOn} 至 ${r.endsOn}` },
            {
              title: t.columns.members,
              render: (_: unknown, r) => (
                <Space wrap size={4}>
                  <span>{t.membersCount(r.panel.members.length)}</span>
                  {r.panel.members.map((m) => (
                    <Tag key={m.personId} color={m.leader ? 'blue' : undefined}>
                      {m.name}
                    </Tag>
                  ))}
                  {!r.panel.ok && <Tag color="red">{t.problemsShort(r.panel.problems.length)}</Tag>}
                </Space>
              ),
            },
            { title: t.columns.conclusion, width: 120, render: (_: unknown, r) => (r.conclusion ? <Tag color={VERDICT_COLORS[r.conclusion]}>{r.conclusion}</Tag> : t.noConclusion) },
            { title: t.columns.signed, width: 200, render: (_: unknown, r) => (r.signedAt ? t.signedAt(localTime(r.signedAt)) : t.unsigned) },
          ]}
        />
      </Card>
      {latest && (
        <PanelEditor
          key={latest.id}
          bankId={props.bankId}
          round={latest}
          onSaved={() => {
            setMessage(null);
            rounds.reload();
          }}
        />
      )}
      <OpenRound
        bankId={props.bankId}
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(r) => {
          setOpening(false);
          setMessage(t.opened(r.round));
          rounds.reload();
        }}
      />
    </Space>
  );
}

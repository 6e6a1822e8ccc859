/**
 * The stored papers of one kind, by run: status, items, points, who approved; 审定 approves (locks) the
 * run's drafts — only a reviewer of the bank who did not assemble them (四眼原则: anyone else gets
 * the service's Chinese refusal, shown as it is) — and 作废 voids one paper with a reason.
 */
import { Alert, Button, Card, Empty, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { setName } from '../../../../domain/format.js';
import { api, errorMessage } from '../../api/client.js';
import { Link } from '../../app/router.js';
import { localTime } from './causes.js';
import type { PaperRow } from './RunResults.js';
import { assemblyText } from './text.js';

const t = assemblyText.papers;
/** A test id on a button antd renders for us (its props type does not list data attributes). */
const testId = (id: string): Record<`data-${string}`, string> => ({ 'data-testid': id });
const STATUS_COLOR: Readonly<Record<string, string>> = { 草稿: 'blue', 已审定: 'green', 已作废: 'default' };

function byRun(papers: readonly PaperRow[]): [number, PaperRow[]][] {
  const runs = new Map<number, PaperRow[]>();
  for (const p of papers) runs.set(p.runId, [...(runs.get(p.runId) ?? []), p]);
  return [...runs.entries()].sort((a, b) => b[0] - a[0]);
}

export function PapersCard(props: { bankId: number; papers: readonly PaperRow[]; loading: boolean; onChanged(): void }) {
  const [showVoid, setShowVoid] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [voiding, setVoiding] = useState<PaperRow | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (call: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ type: 'success', text: await call() });
      props.onChanged();
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const approve = (runId: number) => act(async () => t.approved((await api['papers.approve']({ bankId: props.bankId, runId })).papers.length));
  const voidPaper = (paper: PaperRow) =>
    act(async () => {
      await api['papers.void']({ bankId: props.bankId, paperId: paper.id, comment: reason });
      setVoiding(null);
      setReason('');
      return t.voided(setName(paper.setLabel));
    });

  const shown = props.papers.filter((p) => showVoid || p.status !== '已作废');
  const runs = byRun(shown);
  return (
    <Card
      size="small"
      title={t.title}
      data-testid="papers-card"
      extra={
        <Space>
          <Typography.Text type="secondary">{t.showVoid}</Typography.Text>
          <Switch size="small" checked={showVoid} onChange={setShowVoid} data-testid="show-void" />
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {message && voiding === null && <Alert type={message.type} showIcon title={message.text} data-testid={message.type === 'error' ? 'papers-error' : 'papers-message'} />}
        {runs.length === 0 && !props.loading && <Empty description={t.empty} />}
        {runs.map(([runId, papers]) => {
          const first = papers[0];
          const drafts = papers.some((p) => p.status === '草稿');
          return (
            <Space key={runId} orientation="vertical" style={{ width: '100%' }} data-testid={`run-${runId}`}>
              <Space wrap>
                <Typography.Text strong>{t.run(runId, first?.createdBy ?? '', localTime(first?.createdAt ?? ''))}</Typography.Text>
                {drafts && (
                  <Popconfirm title={t.approve} description={t.approveConfirm} okText={t.ok} cancelText={t.cancel} okButtonProps={testId(`approve-confirm-${runId}`)} onConfirm={() => void approve(runId)}>
                    <Button type="primary" size="small" loading={busy} data-testid={`approve-${runId}`}>
                      {t.approve}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
              <Table<PaperRow>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={papers}
                columns={[
                  { title: t.columns.set, key: 'set', render: (_, p) => setName(p.setLabel) },
                  { title: t.columns.status, key: 'status', render: (_, p) => <Tag color={STATUS_COLOR[p.status]} data-testid={`status-${p.id}`}>{p.status}</Tag> },
                  { title: t.columns.items, key: 'items', render: (_, p) => p.items.length },
                  { title: t.columns.points, dataIndex: 'totalPoints' },
                  { title: t.columns.minutes, dataIndex: 'minutes' },
                  { title: t.columns.approvedBy, key: 'approvedBy', render: (_, p) => p.approvedBy ?? '' },
                  { title: t.columns.note, dataIndex: 'note' },
                  {
                    title: t.columns.actions,
                    key: 'actions',
                    render: (_, p) => (
                      <Space>
                        <Link to={`/banks/${props.bankId}/documents?paper=${p.id}`} testId={`preview-${p.id}`}>
                          {t.preview}
                        </Link>
                        {p.status !== '已作废' && (
                          <Button size="small" danger onClick={() => setVoiding(p)} data-testid={`void-${p.id}`}>
                            {t.void}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Space>
          );
        })}
      </Space>
      <Modal
        open={voiding !== null}
        title={voiding ? t.voidTitle(setName(voiding.setLabel)) : ''}
        okText={t.ok}
        cancelText={t.cancel}
        okButtonProps={{ danger: true, loading: busy, ...testId('void-confirm') }}
        onOk={() => voiding && void voidPaper(voiding)}
        onCancel={() => {
          setVoiding(null);
          setMessage(null);
        }}
      >
        <Typography.Paragraph>{t.voidReason}</Typography.Paragraph>
        <Input value={reason} placeholder={t.voidReasonHint} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
        {message?.type === 'error' && <Alert type="error" showIcon title={message.text} style={{ marginTop: 12 }} data-testid="void-error" />}
      </Modal>
    </Card>
  );
}

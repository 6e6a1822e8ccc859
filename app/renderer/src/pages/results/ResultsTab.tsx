/**
 * 考试分析: import a sitting's answer sheet (题库管理员), the list of sittings, and one sitting's item
 * analysis with its report and the way back to 待审 for the flagged items (results.* handlers).
 */
import { Alert, Card, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useUser } from '../../app/session.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { ImportCard } from './ImportCard.js';
import { SittingView } from './SittingView.js';
import { resultsText } from './text.js';

const t = resultsText.sittings;

type Sitting = Awaited<ReturnType<QbankApi['results.list']>>[number];

export function ResultsTab(props: { bankId: number }) {
  const user = useUser();
  const [sittings, setSittings] = useState<Sitting[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void api['results.list']({ bankId: props.bankId }).then(setSittings, (e: unknown) => setError(errorMessage(e)));
  }, [props.bankId]);
  useEffect(load, [load]);
  const c = t.columns;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {user.roles.includes('manager') && (
        <ImportCard
          bankId={props.bankId}
          onImported={(id) => {
            load();
            setOpen(id);
          }}
        />
      )}
      <Card title={t.title} size="small">
        {error && <Alert type="error" showIcon title={error} />}
        <Table<Sitting>
          data-testid="sittings"
          size="small"
          rowKey="id"
          locale={{ emptyText: t.empty }}
          pagination={false}
          dataSource={sittings}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer', background: r.id === open ? '#e6f4ff' : undefined } })}
          columns={[
            { title: c.id, dataIndex: 'id', width: 60 },
            { title: c.heldOn, dataIndex: 'heldOn', width: 110 },
            { title: c.label, dataIndex: 'label' },
            { title: c.paper, dataIndex: 'paperId', width: 70 },
            { title: c.candidates, dataIndex: 'candidates', width: 70 },
            { title: c.reliability, key: 'rel', width: 80, render: (_v, r) => resultsText.view.f2(r.statistics.reliability) },
            { title: c.mean, key: 'mean', width: 110, render: (_v, r) => `${r.statistics.mean.toFixed(1)}/${r.statistics.maxScore}` },
          ]}
        />
      </Card>
      {open !== null && <SittingView bankId={props.bankId} sittingId={open} onChanged={load} />}
    </Space>
  );
}

/**
 * 销毁登记 (规程第十四条): the register of destroyed discs and printed papers, newest first, filtered by
 * kind and date. The 安全保密管理员 records an entry (DestructionForm); the 安全审计员 reads it. Both
 * export the 销毁登记表 (xlsx with the anchor of a signed checkpoint) into a folder the desktop's picker
 * gives.
 */
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DESTRUCTION_KINDS, destructionSummary, type DestructionKind } from '../../../../domain/destruction.js';
import { api, desktop } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { localTime } from '../assembly/causes.js';
import { useNotice } from '../admin/notice.js';
import { DestructionForm, type Destruction } from './DestructionForm.js';
import { destructionText as t } from './text.js';

const KIND_COLORS: Readonly<Record<DestructionKind, string>> = { 光盘: 'blue', 纸质试卷: 'orange', 纸质答案: 'gold', 其他载体: 'default' };

export function DestructionPage() {
  const user = useUser();
  const editable = user.roles.includes('secadmin');
  const [kind, setKind] = useState<DestructionKind | undefined>(undefined);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = useLoad(() => api['destruction.list']({ ...(kind ? { kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }), [kind, from, to]);
  const notice = useNotice('destruction-notice');
  const [recording, setRecording] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportRegister = async () => {
    setExporting(true);
    try {
      await notice.act(
        async () => {
          const { path } = await desktop.chooseFolder({});
          if (path === null) throw new Error(t.noFolder);
          return api['destruction.export']({ outDir: path });
        },
        (f) => t.exported(f.absolutePath, f.bytes),
      );
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={t.title}
      data-testid="destruction-page"
      extra={
        <Space>
          {editable && (
            <Button type="primary" onClick={() => setRecording(true)} data-testid="destruction-record">
              {t.record}
            </Button>
          )}
          <Button loading={exporting} onClick={() => void exportRegister()} data-testid="destruction-export">
            {t.exportRegister}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t.readOnly} style={{ marginBottom: 12 }} data-testid="destruction-read-only" />}
      {notice.view}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<DestructionKind>
          allowClear
          placeholder={t.filter.any}
          value={kind}
          onChange={(k) => setKind(k)}
          options={DESTRUCTION_KINDS.map((k) => ({ value: k, label: k }))}
          style={{ width: 160 }}
          aria-label={t.filter.kind}
          data-testid="destruction-filter-kind"
        />
        <Typography.Text>{t.filter.from}</Typography.Text>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} data-testid="destruction-filter-from" />
        <Typography.Text>{t.filter.to}</Typography.Text>
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} data-testid="destruction-filter-to" />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} data-testid="destruction-list-error" />}
      <Table<Destruction>
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="destructions"
        locale={{ emptyText: t.empty }}
        dataSource={[...(list.data ?? [])]}
        onRow={(d) => ({ 'data-testid': `destruction-${d.id}` }) as object}
        columns={[
          { title: t.columns.id, dataIndex: 'id', width: 60 },
          { title: t.columns.destroyedOn, dataIndex: 'destroyedOn', width: 110 },
          { title: t.columns.kind, dataIndex: 'kind', width: 100, render: (k: DestructionKind) => <Tag color={KIND_COLORS[k]}>{k}</Tag> },
          { title: t.columns.description, dataIndex: 'description' },
          { title: t.columns.quantity, dataIndex: 'quantity', width: 60 },
          { title: t.columns.disc, dataIndex: 'discExportId', width: 100, render: (v: number | null) => v ?? '' },
          { title: t.columns.method, dataIndex: 'method', width: 90 },
          { title: t.columns.destroyer, dataIndex: 'destroyer', width: 90 },
          { title: t.columns.witness, dataIndex: 'witness', width: 90 },
          { title: t.columns.note, dataIndex: 'note', width: 160 },
          { title: t.columns.recorded, width: 200, render: (_: unknown, d) => <Typography.Text type="secondary">{t.recordedBy(localTime(d.recordedAt), d.recordedBy)}</Typography.Text> },
        ]}
      />
      {editable && (
        <DestructionForm
          open={recording}
          onClose={() => setRecording(false)}
          onSaved={(d) => {
            setRecording(false);
            void notice.act(() => Promise.resolve(d), () => t.recorded(d.id, destructionSummary(d)));
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

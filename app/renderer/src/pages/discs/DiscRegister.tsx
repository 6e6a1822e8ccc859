/** 光盘登记: the 存档 register of every disc this workstation wrote (disc.list), newest first. */
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import type { DiscRecord } from './parts.js';
import { discsText } from './text.js';

const t = discsText.register;
const KIND_COLORS: Readonly<Record<string, string>> = { submission: 'blue', backup: 'purple', transfer: 'cyan' };

export function DiscRegister() {
  const list = useLoad(() => api['disc.list']({}), []);
  return (
    <>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} action={<Button onClick={list.reload}>{discsText.retry}</Button>} style={{ marginBottom: 12 }} />}
      <Table<DiscRecord>
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="disc-register"
        locale={{ emptyText: t.empty }}
        dataSource={[...(list.data ?? [])]}
        onRow={(d) => ({ 'data-testid': `disc-${d.id}` }) as object}
        columns={[
          { title: t.columns.id, dataIndex: 'id', width: 56 },
          { title: t.columns.kind, dataIndex: 'kind', width: 64, render: (k: string) => <Tag color={KIND_COLORS[k]}>{discsText.kinds[k] ?? k}</Tag> },
          { title: t.columns.at, dataIndex: 'at', width: 100, render: (s: string) => localTime(s) },
          {
            title: t.columns.label,
            width: 260,
            render: (_: unknown, d) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{d.label}</Typography.Text>
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{`${d.imageName}（${discsText.bytes(d.imageBytes)}）`}</Typography.Text>
              </Space>
            ),
          },
          { title: t.columns.sha256, dataIndex: 'imageSha256', width: 150, render: (h: string) => <Typography.Text code>{h.slice(0, 16)}</Typography.Text> },
          { title: t.columns.recipients, dataIndex: 'recipients', width: 200, render: (r: readonly string[]) => r.join('；') },
          { title: t.columns.target, dataIndex: 'target', render: (s: string) => <span style={{ overflowWrap: 'anywhere' }}>{s}</span> },
          { title: t.columns.verified, dataIndex: 'verified', width: 82, render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? t.verified : t.unverified}</Tag> },
          { title: t.columns.by, dataIndex: 'by', width: 90 },
        ]}
      />
    </>
  );
}

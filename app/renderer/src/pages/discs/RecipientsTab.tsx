/**
 * 接收方证书: the certificates packages are encrypted for (package.recipients.list). The 安全保密管理员
 * imports one from a .pem file (read as text in the page) with its name and purpose, and retires one
 * (never deleted); the other roles read the list.
 */
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { localTime } from '../assembly/causes.js';
import { useNotice, type Notice } from '../admin/notice.js';
import { FileButton, type Recipient } from './parts.js';
import { discsText } from './text.js';

const t = discsText.recipients;
const PURPOSES = ['上传站', '省级', '存档', '其他'] as const;
type Purpose = (typeof PURPOSES)[number];
const STATUS_COLORS: Readonly<Record<string, string>> = { 有效: 'green', 已过期: 'red', 已停用: 'default' };

function ImportForm(props: { notice: Notice; onImported(): void }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('上传站');
  const [file, setFile] = useState<{ name: string; pem: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await props.notice.act(() => api['package.recipients.import']({ name: name.trim(), purpose, certificatePem: file.pem }), (r) => t.imported(r.name, r.fingerprint.slice(0, 16)));
      if (done) {
        setName('');
        setFile(null);
        props.onImported();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t.importTitle} style={{ marginBottom: 12 }} data-testid="recipient-import">
      <Space wrap align="end">
        <Space orientation="vertical" size={2}>
          <Typography.Text>{t.name}</Typography.Text>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t.nameHint} maxLength={60} style={{ width: 300 }} data-testid="recipient-name" />
        </Space>
        <Space orientation="vertical" size={2}>
          <Typography.Text>{t.purpose}</Typography.Text>
          <Select<Purpose> value={purpose} onChange={setPurpose} options={PURPOSES.map((p) => ({ value: p, label: p }))} style={{ width: 120 }} data-testid="recipient-purpose" />
        </Space>
        <Space orientation="vertical" size={2}>
          <Typography.Text>{t.file}</Typography.Text>
          <FileButton
            accept=".pem,.crt,.cer"
            label={t.chooseFile}
            testId="recipient-file"
            onFile={(f) => void f.text().then((pem) => setFile({ name: f.name, pem }))}
            chosen={file && <Typography.Text type="secondary">{t.fileChosen(file.name)}</Typography.Text>}
          />
        </Space>
        <Button type="primary" disabled={name.trim().length < 2 || !file} loading={busy} onClick={() => void submit()} data-testid="recipient-submit">
          {t.doImport}
        </Button>
      </Space>
      {(name.trim().length < 2 || !file) && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t.needAll}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function RecipientsTab() {
  const user = useUser();
  const editable = user.roles.includes('secadmin');
  const list = useLoad(() => api['package.recipients.list']({}), []);
  const notice = useNotice('recipients-notice');
  const retire = async (r: Recipient) => {
    await notice.act(() => api['package.recipients.retire']({ id: r.id }), () => t.retired(r.name));
    list.reload();
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t.readOnly} style={{ marginBottom: 12 }} />}
      {notice.view}
      {editable && <ImportForm notice={notice} onImported={list.reload} />}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Recipient>
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={false}
        data-testid="recipients"
        locale={{ emptyText: t.empty }}
        dataSource={[...(list.data ?? [])]}
        onRow={(r) => ({ 'data-testid': `recipient-${r.id}` }) as object}
        columns={[
          { title: t.columns.id, dataIndex: 'id', width: 60 },
          {
            title: t.columns.name,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {r.subject}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t.columns.purpose, dataIndex: 'purpose', width: 80 },
          { title: t.columns.key, dataIndex: 'keyType', width: 100 },
          { title: t.columns.status, dataIndex: 'status', width: 80, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
          { title: t.columns.until, dataIndex: 'notAfter', width: 110, render: (s: string) => s.slice(0, 10) },
          { title: t.columns.fingerprint, dataIndex: 'fingerprint', width: 170, render: (h: string) => <Typography.Text code>{h.slice(0, 16)}</Typography.Text> },
          { title: t.columns.imported, width: 170, render: (_: unknown, r) => <Typography.Text type="secondary">{t.importedBy(localTime(r.importedAt), r.importedBy)}</Typography.Text> },
          ...(editable
            ? [
                {
                  title: t.columns.actions,
                  width: 80,
                  render: (_: unknown, r: Recipient) =>
                    r.status !== '已停用' && (
                      <Popconfirm title={t.retireConfirm(r.name)} okText={t.retire} cancelText={discsText.cancel} okButtonProps={{ danger: true }} onConfirm={() => void retire(r)}>
                        <Button size="small" danger data-testid={`recipient-retire-${r.id}`}>
                          {t.retire}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

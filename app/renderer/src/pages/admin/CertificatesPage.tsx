/**
 * 签名证书 (the 安全保密管理员's): the workstation's certificate authority and every signing
 * certificate (certs.list) — 建立证书颁发机构 when there is none (certs.ca.create), 签发 for a pending
 * request (certs.issue), 吊销 with a reason (certs.revoke, which signs a new CRL). Each action is in
 * the 权限 register of the audit log; a refusal shows the service's Chinese message.
 */
import { Alert, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { useNotice } from './notice.js';
import { adminText } from './text.js';

const t = adminText.certificates;
type Certificate = Awaited<ReturnType<QbankApi['certs.list']>>[number];
const STATUS_COLORS: Readonly<Record<string, string>> = { 有效: 'green', 待签发: 'blue', 已吊销: 'red', 已过期: 'red', 已停用: 'default' };

export function CertificatesPage() {
  const certs = useLoad(() => api['certs.list']({}), []);
  const notice = useNotice('certs-notice');
  const [caName, setCaName] = useState('');
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const list = certs.data ?? [];
  const hasCa = list.some((c) => c.kind === 'ca' && c.status === '有效');
  const pending = list.filter((c) => c.status === '待签发').length;

  const act = async <T,>(fn: () => Promise<T>, success: (v: T) => string): Promise<T | undefined> => {
    setBusy(true);
    try {
      const out = await notice.act(fn, success);
      certs.reload();
      return out;
    } finally {
      setBusy(false);
    }
  };
  const createCa = () => act(() => api['certs.ca.create'](caName.trim() === '' ? {} : { name: caName.trim() }), (c) => t.caCreated(c.serial.slice(0, 16)));
  const issue = (c: Certificate) => act(() => api['certs.issue']({ username: c.username }), () => t.issued(c.username));
  const revoke = async (c: Certificate) => {
    const done = await act(() => api['certs.revoke']({ serial: c.serial, reason }), () => t.revoked(c.holder || c.username));
    setRevoking(null);
    if (done) setReason('');
  };

  return (
    <Card title={t.title} extra={pending > 0 && <Tag color="blue">{t.pending(pending)}</Tag>} data-testid="certificates-page">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {notice.view}
      {certs.error && <Alert type="error" showIcon title={certs.error} action={<Button onClick={certs.reload}>{adminText.retry}</Button>} />}
      {!certs.loading && !hasCa && (
        <Alert
          type="warning"
          showIcon
          title={t.noCa}
          style={{ marginBottom: 12 }}
          description={
            <Space wrap>
              <Input value={caName} placeholder={t.caNameHint} onChange={(e) => setCaName(e.target.value)} style={{ width: 360 }} aria-label={t.caName} data-testid="ca-name" />
              <Button type="primary" loading={busy} onClick={() => void createCa()} data-testid="ca-create">
                {t.caCreate}
              </Button>
            </Space>
          }
        />
      )}
      <Table<Certificate>
        size="small"
        rowKey="serial"
        pagination={false}
        loading={certs.loading}
        data-testid="certificates"
        locale={{ emptyText: t.empty }}
        dataSource={[...list].reverse()}
        onRow={(c) => ({ 'data-testid': `cert-${c.username || 'ca'}-${c.serial.slice(0, 8)}` }) as object}
        columns={[
          { title: t.columns.kind, width: 110, render: (_: unknown, c) => t.kinds[c.kind] ?? c.kind },
          {
            title: t.columns.holder,
            width: 150,
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{c.holder}</Typography.Text>
                <Typography.Text type="secondary">{c.username}</Typography.Text>
              </Space>
            ),
          },
          { title: t.columns.status, width: 90, render: (_: unknown, c) => <Tag color={STATUS_COLORS[c.status]}>{c.status}</Tag> },
          { title: t.columns.serial, width: 160, render: (_: unknown, c) => <Typography.Text code>{c.serial.slice(0, 16)}</Typography.Text> },
          { title: t.columns.fingerprint, width: 160, render: (_: unknown, c) => (c.fingerprint ? <Typography.Text code>{c.fingerprint.slice(0, 16)}</Typography.Text> : adminText.people.none) },
          {
            title: t.columns.dates,
            width: 230,
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={0}>
                {([
                  [t.dates.requested, c.requestedAt],
                  [t.dates.issued, c.issuedAt],
                  [t.dates.until, c.notAfter],
                ] as const).map(([label, d]) => (d ? <Typography.Text key={label}>{`${label} ${localTime(d)}`}</Typography.Text> : null))}
              </Space>
            ),
          },
          { title: t.columns.revoked, render: (_: unknown, c) => (c.revokedAt ? `${localTime(c.revokedAt)} ${c.revokeReason}` : '') },
          {
            title: adminText.actions,
            width: 90,
            render: (_: unknown, c) => (
              <Space size={4}>
                {c.status === '待签发' && (
                  <Button size="small" type="primary" disabled={!hasCa} loading={busy} onClick={() => void issue(c)} data-testid={`issue-${c.username}`}>
                    {t.issue}
                  </Button>
                )}
                {c.kind === 'holder' && c.status !== '待签发' && c.status !== '已吊销' && (
                  <Button size="small" danger onClick={() => setRevoking(c)} data-testid={`revoke-${c.username}`}>
                    {t.revoke}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title={revoking ? t.revokeTitle(revoking.holder || revoking.username) : ''}
        okText={t.revoke}
        cancelText={adminText.cancel}
        okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'revoke-confirm' } }}
        onOk={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <Typography.Paragraph>{t.revokeReason}</Typography.Paragraph>
        <Input value={reason} placeholder={t.revokeReasonHint} onChange={(e) => setReason(e.target.value)} data-testid="revoke-reason" />
      </Modal>
    </Card>
  );
}

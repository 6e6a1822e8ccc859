/**
 * The check of a signed submission folder (review.sign's re-check or review.verify): the verdict,
 * the CA used, each signature with its signer and problems, and each file that does not match the
 * manifest.
 */
import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { QbankApi } from '../../api/client.js';
import { localTime } from '../assembly/causes.js';
import { reviewText } from './text.js';

const t = reviewText.verification;
export type FolderVerification = Awaited<ReturnType<QbankApi['review.verify']>>;
type Signature = FolderVerification['signatures'][number];

export function Verification(props: { result: FolderVerification; testId: string }) {
  const r = props.result;
  const broken = r.files.filter((f) => f.status !== 'ok');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={props.testId} data-ok={r.ok}>
      <Alert
        type={r.ok ? 'success' : 'error'}
        showIcon
        title={r.ok ? t.ok : t.failed(r.problems.length)}
        data-testid={`${props.testId}-summary`}
        description={
          r.problems.length > 0 ? (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {r.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : undefined
        }
      />
      {r.ca.fingerprint !== '' && <Typography.Text type="secondary">{t.ca(r.ca.source, r.ca.subject, r.ca.fingerprint)}</Typography.Text>}
      <Table<Signature>
        size="small"
        rowKey="file"
        pagination={false}
        dataSource={[...r.signatures]}
        data-testid={`${props.testId}-signers`}
        columns={[
          { title: t.columns.file, dataIndex: 'file' },
          { title: t.columns.signer, dataIndex: 'commonName', width: 100 },
          { title: t.columns.serial, dataIndex: 'serialHex', width: 170, render: (s: string) => <Typography.Text code>{s.slice(0, 16)}</Typography.Text> },
          { title: t.columns.time, dataIndex: 'signingTime', width: 150, render: (s: string | null) => (s ? localTime(s) : '') },
          { title: t.columns.ok, dataIndex: 'ok', width: 70, render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? t.valid : t.invalid}</Tag> },
          { title: t.columns.problems, render: (_: unknown, s) => s.problems.join('；') },
        ]}
      />
      {broken.length > 0 && (
        <Alert
          type="error"
          title={t.files}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {broken.map((f) => (
                <li key={f.path}>{`${f.path}：${f.status}${'detail' in f ? `（${f.detail}）` : ''}`}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

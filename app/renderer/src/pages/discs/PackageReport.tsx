/**
 * The report of an opened package (package.open): the verdict, what it is and where it came from, the
 * package signature and its CA, the audit anchor, the panel's signatures (a submission), every file with
 * ✓/✗, and every problem in red.
 */
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { localTime } from '../assembly/causes.js';
import type { PackageReport } from './parts.js';
import { discsText } from './text.js';

const t = discsText.report;
type OpenedFile = PackageReport['files'][number];

const Mark = (props: { ok: boolean; text: string; testId: string }) => (
  <Space size={4} data-testid={props.testId} data-ok={props.ok}>
    <Tag color={props.ok ? 'green' : 'red'}>{props.ok ? '✓' : '✗'}</Tag>
    <Typography.Text type={props.ok ? undefined : 'danger'}>{props.text}</Typography.Text>
  </Space>
);

export function PackageReportView(props: { report: PackageReport }) {
  const r = props.report;
  const okFiles = r.files.filter((f) => f.ok).length;
  const items = [
    { key: 'what', label: t.labels.what, children: (
        <Space>
          <Tag color="blue">{r.kindName}</Tag>
          <Typography.Text strong>{r.label}</Typography.Text>
        </Space>
      ),
    },
    { key: 'id', label: t.labels.id, children: <Typography.Text code>{r.packageId}</Typography.Text> },
    { key: 'origin', label: t.labels.origin, children: t.origin(r.workstationId, r.exportedBy, r.createdAt ? localTime(r.createdAt) : '') },
    {
      key: 'signature',
      label: t.signature,
      children: (
        <Space orientation="vertical" size={0}>
          <Mark ok={r.signature.ok} text={t.signatureText(r.signature.ok, r.signature.signer)} testId="report-signature" />
          {r.signature.caFingerprint !== '' && (
            <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
              {t.ca(r.signature.caSource === 'given', r.signature.caFingerprint)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'anchor', label: t.anchor, children: r.anchor ? <Mark ok={r.anchor.ok} text={t.anchorText(r.anchor.ok, r.anchor.seq, r.anchor.text, r.anchor.signer)} testId="report-anchor" /> : t.noAnchor },
    ...(r.submission ? [{ key: 'panel', label: t.panel, children: <Mark ok={r.submission.ok} text={t.panelText(r.submission.ok, r.submission.signatures.length)} testId="report-panel" /> }] : []),
    { key: 'out', label: t.labels.out, children: <span data-testid="report-out">{r.outDir ? t.outDir(r.outDir) : t.verifiedOnly}</span> },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="package-report" data-ok={r.ok}>
      <Alert type={r.ok ? 'success' : 'error'} showIcon title={r.ok ? t.passed : t.failed(r.problems.length)} data-testid="report-verdict" />
      <Descriptions size="small" column={1} bordered items={items} styles={{ label: { width: 140 } }} />
      {r.problems.length > 0 && (
        <Alert
          type="error"
          title={t.problems(r.problems.length)}
          data-testid="report-problems"
          description={
            <ul style={{ margin: 0, paddingLeft: 20, color: '#cf1322' }}>
              {r.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Text strong>{t.files(okFiles, r.files.length)}</Typography.Text>
      <Table<OpenedFile>
        size="small"
        rowKey="path"
        pagination={false}
        data-testid="report-files"
        dataSource={[...r.files]}
        onRow={(f) => ({ 'data-ok': f.ok, style: f.ok ? undefined : { background: '#fff1f0' } }) as object}
        columns={[
          { title: t.columns.ok, dataIndex: 'ok', width: 60, render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? '✓' : '✗'}</Tag> },
          { title: t.columns.path, dataIndex: 'path', render: (p: string) => <span style={{ overflowWrap: 'anywhere' }}>{p}</span> },
          { title: t.columns.size, dataIndex: 'bytes', width: 100, align: 'right', render: (n: number) => discsText.bytes(n) },
          { title: t.columns.detail, dataIndex: 'detail', render: (d: string, f) => <Typography.Text type={f.ok ? 'secondary' : 'danger'}>{d}</Typography.Text> },
        ]}
      />
    </Space>
  );
}

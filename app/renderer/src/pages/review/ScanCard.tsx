/**
 * The ink-signed 题库内部审核意见: the manager picks the scan (PDF, JPG or PNG, read into bytes as the
 * imports read their files) and `review.scan.attach` keeps it with its SHA-256 and page count; every
 * scan of the round is listed (the newest counts for the submission).
 */
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { reviewText } from './text.js';

const t = reviewText.signoff.scan;
type Scan = Awaited<ReturnType<QbankApi['review.scan.list']>>[number];
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function ScanCard(props: { bankId: number; roundId: number; manager: boolean; open: boolean; onAttached(): void }) {
  const scans = useLoad(() => api['review.scan.list']({ bankId: props.bankId, roundId: props.roundId }), [props.bankId, props.roundId]);
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; scan?: Scan; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const attach = async (fileName: string, bytes: Uint8Array<ArrayBuffer>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const scan = await api['review.scan.attach']({ bankId: props.bankId, roundId: props.roundId, fileName, bytes });
      setOutcome({ type: 'success', scan, text: t.uploaded(scan.fileName, scan.pages) });
      scans.reload();
      props.onAttached();
    } catch (e) {
      setOutcome({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t.title} data-testid="scan-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
        {props.manager && props.open && (
          <>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              data-testid="scan-file"
              style={{ display: 'none' }}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void f.arrayBuffer().then((b) => attach(f.name, new Uint8Array(b)));
              }}
            />
            <Button onClick={() => input.current?.click()} loading={busy} data-testid="scan-upload">
              {t.upload}
            </Button>
          </>
        )}
        {outcome && (
          <Alert
            type={outcome.type}
            showIcon
            title={outcome.text}
            data-testid={outcome.type === 'success' ? 'scan-attached' : 'scan-error'}
            description={outcome.scan && <Typography.Text code data-testid="scan-sha256">{`${t.sha256} ${outcome.scan.sha256}`}</Typography.Text>}
          />
        )}
        {scans.error && <Alert type="error" showIcon title={scans.error} />}
        <Table<Scan>
          size="small"
          rowKey="id"
          pagination={false}
          loading={scans.loading}
          data-testid="scans"
          locale={{ emptyText: t.none }}
          dataSource={[...(scans.data ?? [])].reverse()}
          columns={[
            { title: t.columns.file, dataIndex: 'fileName' },
            { title: t.columns.format, dataIndex: 'format', width: 70, render: (f: string) => f.toUpperCase() },
            { title: t.columns.pages, dataIndex: 'pages', width: 60 },
            { title: t.columns.sha256, dataIndex: 'sha256', render: (h: string) => <Typography.Text code>{h.slice(0, 16)}</Typography.Text> },
            { title: t.columns.at, dataIndex: 'attachedAt', width: 150, render: (s: string) => localTime(s) },
            { title: t.columns.by, dataIndex: 'attachedBy', width: 100 },
          ]}
        />
      </Space>
    </Card>
  );
}

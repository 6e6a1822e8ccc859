/**
 * 题库传递导入 (题库管理员): a transfer disc opened with the receiving workstation's key file and merged
 * (transfer.import) — first as a 试运行 by default — and its report: where it came from, per bank the
 * counts, each conflict highlighted, and the service's report lines.
 */
import { Alert, Button, Card, Checkbox, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type QbankApi } from '../../api/client.js';
import { useAction } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { KeyFields, keyInput, useKeyFields } from './KeyFields.js';
import { ErrorLines } from './parts.js';
import { discsText } from './text.js';

const t = discsText.transferImport;
type TransferImport = Awaited<ReturnType<QbankApi['transfer.import']>>;

function Report(props: { result: TransferImport }) {
  const { package: p, report } = props.result;
  const conflictLines = new Set(report.banks.flatMap((b) => b.conflicts.map((c) => c.line)));
  const refusedLines = new Set(report.banks.flatMap((b) => b.refused));
  const style = (l: string) => (conflictLines.has(l) ? { background: '#fff1f0', color: '#cf1322' } : refusedLines.has(l) ? { background: '#fff7e6', color: '#d46b08' } : {});
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="transfer-report" data-dry={report.dryRun}>
      <Alert type={report.dryRun ? 'info' : 'success'} showIcon title={report.dryRun ? t.dry : t.done} description={t.from(p.workstationId, p.exportedBy, p.createdAt ? localTime(p.createdAt) : '', p.signature.ok)} />
      {report.banks.map((b) => (
        <Card key={b.bankId} size="small" title={t.bank(b.label, b.bankId, b.bankCreated)}>
          <Space wrap>
            <Typography.Text>{t.counts(b.created, b.fastForwarded, b.identical, b.localAhead)}</Typography.Text>
            {b.conflicts.length > 0 && <Tag color="red">{t.conflicts(b.conflicts.length)}</Tag>}
            {b.refused.length > 0 && <Tag color="orange">{t.refused(b.refused.length)}</Tag>}
          </Space>
        </Card>
      ))}
      <div data-testid="transfer-lines" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, maxHeight: 420, overflow: 'auto' }}>
        {report.lines.map((l, i) => (
          <div key={i} data-conflict={conflictLines.has(l)} style={{ padding: '0 4px', ...style(l) }}>
            {l}
          </div>
        ))}
      </div>
    </Space>
  );
}

export function TransferImportTab() {
  const key = useKeyFields();
  const [dryRun, setDryRun] = useState(true);
  const { busy, error, result, run: call } = useAction<TransferImport>();
  const run = () => call(() => api['transfer.import']({ source: key.value.source.trim(), key: keyInput(key.value), dryRun }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="transfer-import">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <Card size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <KeyFields value={key.value} set={key.set} testId="transfer" />
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="transfer-dry-run">
            {t.dryRun}
          </Checkbox>
          <Space>
            <Button type="primary" danger={!dryRun} disabled={key.missing !== null} loading={busy} onClick={() => void run()} data-testid="transfer-run">
              {dryRun ? t.runDry : t.run}
            </Button>
            {key.missing && <Typography.Text type="secondary">{key.missing}</Typography.Text>}
            {busy && (
              <>
                <Spin size="small" />
                <Typography.Text>{t.running}</Typography.Text>
              </>
            )}
          </Space>
        </Space>
      </Card>
      <ErrorLines error={error} testId="transfer-error" />
      {result && <Report result={result} />}
    </Space>
  );
}

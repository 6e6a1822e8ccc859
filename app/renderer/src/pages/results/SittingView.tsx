/** One sitting's analysis: the paper's figures, the items (flagged first), the report and the way back to 待审. */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, desktop, errorMessage, type QbankApi } from '../../api/client.js';
import { resultsText } from './text.js';

const t = resultsText.view;

type Report = Awaited<ReturnType<QbankApi['results.show']>>;
type Row = Report['items'][number];
type Returned = Awaited<ReturnType<QbankApi['results.return']>>;

export function SittingView(props: { bankId: number; sittingId: number; onChanged(): void }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'report' | 'return' | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [returned, setReturned] = useState<Returned | null>(null);

  useEffect(() => {
    setReport(null);
    setWritten(null);
    setReturned(null);
    void api['results.show']({ bankId: props.bankId, sittingId: props.sittingId }).then(setReport, (e: unknown) => setError(errorMessage(e)));
  }, [props.bankId, props.sittingId]);

  const exportReport = async () => {
    setError(null);
    setWritten(null);
    try {
      const { path } = await desktop.chooseFolder({});
      if (path === null) {
        setError(t.noFolder);
        return;
      }
      setBusy('report');
      const r = await api['results.report']({ bankId: props.bankId, sittingId: props.sittingId, outDir: path });
      setWritten(t.reported(r.docx.absolutePath, r.xlsx.absolutePath));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const giveBack = async () => {
    setError(null);
    setBusy('return');
    try {
      setReturned(await api['results.return']({ bankId: props.bankId, sittingId: props.sittingId }));
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (error && !report) return <Alert type="error" showIcon title={error} data-testid="sitting-error" />;
  if (!report) return null;
  const s = report.sitting.statistics;
  const c = t.columns;
  return (
    <Card title={t.title(report.paperTitle, report.sitting.label)} size="small" data-testid="sitting-view">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="sitting-figures">{t.paper(s.candidates, s.mean, s.maxScore, s.sd, s.reliabilityMethod === 'KR-20' ? 'KR-20' : 'Cronbach α', s.reliability, s.sem)}</Typography.Text>
        <Space>
          <Button loading={busy === 'report'} onClick={() => void exportReport()} data-testid="sitting-report">
            {busy === 'report' ? t.reporting : t.report}
          </Button>
          <Button danger loading={busy === 'return'} disabled={!report.items.some((i) => i.group === 'review')} onClick={() => void giveBack()} data-testid="sitting-return">
            {t.giveBack}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="sitting-action-error" />}
        {written && <Alert type="success" showIcon title={<span style={{ wordBreak: 'break-all' }}>{written}</span>} data-testid="sitting-reported" />}
        {returned && (
          <Alert
            type="info"
            showIcon
            data-testid="sitting-returned"
            title={t.givenBack(returned.returned.length, returned.refused.length)}
            description={returned.refused.map((r) => r.reason).join('；') || undefined}
          />
        )}
        <Table<Row>
          data-testid="sitting-items"
          size="small"
          rowKey="itemId"
          pagination={{ pageSize: 50, showSizeChanger: false }}
          dataSource={[...report.items]}
          columns={[
            { title: c.position, dataIndex: 'position', width: 60 },
            { title: c.item, key: 'item', width: 90, render: (_v, r) => `${r.itemId}@${r.version}` },
            { title: c.type, dataIndex: 'typeName', width: 100 },
            { title: c.binding, dataIndex: 'binding', width: 110 },
            { title: c.p, key: 'p', width: 80, render: (_v, r) => t.f2(r.p) },
            { title: c.r, key: 'r', width: 80, render: (_v, r) => t.f2(r.pointBiserial) },
            { title: c.d, key: 'd', width: 70, render: (_v, r) => t.f2(r.discrimination) },
            { title: c.omit, key: 'omit', width: 70, render: (_v, r) => t.pct(r.omitRate) },
            {
              title: c.flags,
              key: 'flags',
              render: (_v, r) => (
                <Space orientation="vertical" size={0}>
                  {r.group !== 'none' && <Tag color={r.group === 'review' ? 'red' : 'orange'}>{t.groups[r.group]}</Tag>}
                  {r.flags.map((f, k) => (
                    <Typography.Text key={k} type={f.severity === 'review' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {f.message}
                    </Typography.Text>
                  ))}
                  {r.group === 'review' && <Typography.Text style={{ fontSize: 12 }}>{`${r.stem}　${t.keyOf(r.keyText)}`}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

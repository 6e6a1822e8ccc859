/**
 * QTI 2.1 exchange of the bank's theory items (qti.export / qti.import): export into a folder the
 * desktop's picker gives; import a package as a dry run first, then for real, with what could not be
 * mapped and the duplicates listed.
 */
import { Alert, Button, Card, Radio, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ITEM_STATES } from '../../../../domain/bank.js';
import { api, desktop, errorMessage, type QbankApi } from '../../api/client.js';
import { importText } from './text.js';

const t = importText.qti;
/** Lines of the report shown (the CLI prints them all). */
const SHOWN = 50;

type ImportReport = Awaited<ReturnType<QbankApi['qti.import']>>;
type State = (typeof ITEM_STATES)[number];

export function QtiExchange(props: { bankId: number }) {
  const [state, setState] = useState<State>('入库');
  const [exported, setExported] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);
  const [near, setNear] = useState<'skip' | 'keep'>('skip');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'export' | 'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const runExport = async () => {
    setError(null);
    setExported(null);
    try {
      const { path } = await desktop.chooseFolder({});
      if (path === null) return setError(t.noFolder);
      setBusy('export');
      const r = await api['qti.export']({ bankId: props.bankId, outDir: path, state });
      setExported(t.exported(r.file.absolutePath, r.items, r.images));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setBusy(dryRun ? 'dry' : 'run');
    try {
      setReport(await api['qti.import']({ bankId: props.bankId, fileName: file.name, bytes: file.bytes, dryRun, nearDuplicates: near }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="qti-exchange">
      {error && <Alert type="error" showIcon title={error} data-testid="qti-error" />}
      <Card title={t.exportTitle} size="small">
        <Typography.Paragraph type="secondary">{t.exportIntro}</Typography.Paragraph>
        <Space>
          <Typography.Text>{t.state}</Typography.Text>
          <Select value={state} onChange={(v: State) => setState(v)} style={{ width: 120 }} options={ITEM_STATES.map((s) => ({ value: s, label: s }))} data-testid="qti-state" />
          <Button type="primary" loading={busy === 'export'} onClick={() => void runExport()} data-testid="qti-export">
            {t.exportRun}
          </Button>
        </Space>
        {exported && <Alert style={{ marginTop: 8 }} type="success" showIcon title={<span style={{ wordBreak: 'break-all' }}>{exported}</span>} data-testid="qti-exported" />}
      </Card>
      <Card title={t.importTitle} size="small">
        <Typography.Paragraph type="secondary">{t.importIntro}</Typography.Paragraph>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          data-testid="qti-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            setReport(null);
            if (f) void f.arrayBuffer().then((b) => setFile({ name: f.name, bytes: new Uint8Array(b) }));
          }}
        />
        <Space wrap>
          <Button onClick={() => input.current?.click()}>{t.pick}</Button>
          <Typography.Text data-testid="qti-file-name" type={file ? undefined : 'secondary'}>
            {file ? t.chosen(file.name, file.bytes.length) : t.none}
          </Typography.Text>
          <Typography.Text>{t.near}</Typography.Text>
          <Radio.Group value={near} onChange={(e) => setNear(e.target.value as 'skip' | 'keep')} options={[{ value: 'skip', label: t.nearSkip }, { value: 'keep', label: t.nearKeep }]} />
          <Button disabled={!file} loading={busy === 'dry'} onClick={() => void runImport(true)} data-testid="qti-dry-run">
            {t.dryRun}
          </Button>
          <Button type="primary" disabled={!file || report?.dryRun !== true} loading={busy === 'run'} onClick={() => void runImport(false)} data-testid="qti-import">
            {t.run}
          </Button>
        </Space>
        {report && (
          <Alert
            style={{ marginTop: 8 }}
            type={report.unmapped.length > 0 || report.duplicates.length > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="qti-report"
            title={t.result(report.dryRun, report.saved, report.imported.length, report.items)}
            description={
              <Space orientation="vertical" size={0}>
                {report.unmapped.slice(0, SHOWN).map((u) => (
                  <Typography.Text key={`u${u.file}`} type="danger">
                    {t.unmapped(u.file, u.reason)}
                  </Typography.Text>
                ))}
                {report.unmapped.length > SHOWN && <Typography.Text type="secondary">{t.more(report.unmapped.length - SHOWN)}</Typography.Text>}
                {report.duplicates.slice(0, SHOWN).map((d, k) => (
                  <Typography.Text key={`d${k}`} type="secondary">
                    {t.duplicate(d.where, d.against, d.score)}
                  </Typography.Text>
                ))}
              </Space>
            }
          />
        )}
      </Card>
    </Space>
  );
}

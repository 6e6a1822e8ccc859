/** Importing a sitting's answer sheet for one of the bank's papers; the outcome with the flagged items. */
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { resultsText } from './text.js';

const t = resultsText.import;

type Paper = Awaited<ReturnType<QbankApi['papers.list']>>[number];
type Imported = Awaited<ReturnType<QbankApi['results.import']>>;

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function ImportCard(props: { bankId: number; onImported(sittingId: number): void }) {
  const [papers, setPapers] = useState<Paper[]>([]);
  const [paperId, setPaperId] = useState<number | null>(null);
  const [label, setLabel] = useState('');
  const [heldOn, setHeldOn] = useState(today());
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);
  const [returnFlagged, setReturnFlagged] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api['papers.list']({ bankId: props.bankId }).then(
      (all) => setPapers(all.filter((p) => p.status !== '已作废')),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [props.bankId]);

  const run = async () => {
    setError(null);
    setDone(null);
    if (paperId === null || label.trim() === '' || heldOn === '' || !file) {
      setError(t.missing);
      return;
    }
    setBusy(true);
    try {
      const r = await api['results.import']({ bankId: props.bankId, paperId, label: label.trim(), heldOn, bytes: file.bytes, returnFlagged });
      setDone(r);
      props.onImported(r.sitting.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const flagged = done ? done.items.filter((i) => i.flags.some((f) => f.severity === 'review')) : [];
  return (
    <Card title={t.title} size="small">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 3 }} wrapperCol={{ span: 18 }}>
        <Form.Item label={t.paper}>
          <Select
            data-testid="results-paper"
            value={paperId ?? undefined}
            onChange={(v: number) => setPaperId(v)}
            options={papers.map((p) => ({ value: p.id, label: t.paperOption(p.setLabel, resultsText.kinds[p.kind] ?? p.kind, p.status, p.id, p.items.length) }))}
          />
        </Form.Item>
        <Form.Item label={t.label}>
          <Input data-testid="results-label" value={label} placeholder={t.labelPlaceholder} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </Form.Item>
        <Form.Item label={t.date}>
          <Input data-testid="results-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t.file}>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,.tsv,.txt"
            data-testid="results-file"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void f.arrayBuffer().then((b) => setFile({ name: f.name, bytes: new Uint8Array(b) }));
            }}
          />
          <Space>
            <Button onClick={() => input.current?.click()}>{t.pick}</Button>
            <Typography.Text data-testid="results-file-name" type={file ? undefined : 'secondary'}>
              {file ? t.chosen(file.name, file.bytes.length) : t.none}
            </Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 3, span: 18 }}>
          <Checkbox data-testid="results-return" checked={returnFlagged} onChange={(e) => setReturnFlagged(e.target.checked)}>
            {t.returnFlagged}
          </Checkbox>
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 3, span: 18 }}>
          <Button type="primary" loading={busy} onClick={() => void run()} data-testid="results-import">
            {busy ? t.running : t.run}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} data-testid="results-error" />}
      {done && (
        <Alert
          type={flagged.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="results-done"
          title={t.done(done.sitting.id, done.sitting.label, done.sitting.candidates)}
          description={
            <Space orientation="vertical" size={2}>
              {done.personalColumns.length > 0 && <Typography.Text>{t.personal(done.personalColumns.join('、'))}</Typography.Text>}
              <Typography.Text strong>{t.flagged(flagged.length)}</Typography.Text>
              {flagged.map((i) => (
                <Typography.Text key={i.itemId} type="danger">
                  {t.flagLine(i.position, i.itemId, i.flags.filter((f) => f.severity === 'review').map((f) => f.message).join('；'))}
                </Typography.Text>
              ))}
              {returnFlagged && <Typography.Text>{t.returned(done.returned.length)}</Typography.Text>}
            </Space>
          }
        />
      )}
    </Card>
  );
}

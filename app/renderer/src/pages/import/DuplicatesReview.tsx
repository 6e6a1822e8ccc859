/**
 * The bank's duplicates (duplicates.find): pairs of theory items at or above a similarity threshold,
 * by id and score; a pair opened for comparison shows both items side by side (items.get: each is a
 * 调阅 in the log, and the view is secret while open).
 */
import { Alert, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSecretView } from '../../app/secrecy.js';
import { importText } from './text.js';

const t = importText.duplicates;
type DuplicateList = Awaited<ReturnType<QbankApi['duplicates.find']>>;
type Pair = DuplicateList['pairs'][number];
const DEFAULT_THRESHOLD = 0.65;

function ItemText(props: { bankId: number; itemId: number }) {
  const item = useLoad(() => api['items.get']({ bankId: props.bankId, itemId: props.itemId }), [props.bankId, props.itemId]);
  if (item.error) return <Typography.Text type="danger">{item.error}</Typography.Text>;
  const d = item.data;
  if (!d) return <Typography.Text type="secondary">{importText.near.loading}</Typography.Text>;
  const lines =
    d.kind === 'theory' ? [d.body.stem, ...('options' in d.body ? d.body.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`) : [])] : [d.body.title];
  return (
    <div data-testid={`dup-item-${d.id}`}>
      <Typography.Text strong>{t.item(d.id)}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{lines.join('\n')}</Typography.Paragraph>
    </div>
  );
}

/** Both items of a pair side by side; a secret view while shown. */
function Compare(props: { bankId: number; pair: Pair; mark: SecrecyLevel | null }) {
  useSecretView(props.mark);
  return (
    <div data-testid={`compare-${props.pair.a}-${props.pair.b}`} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
      <ItemText bankId={props.bankId} itemId={props.pair.a} />
      <ItemText bankId={props.bankId} itemId={props.pair.b} />
    </div>
  );
}

export function DuplicatesReview(props: { bankId: number; mark: SecrecyLevel | null }) {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<DuplicateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      setFound(await api['duplicates.find']({ bankId: props.bankId, threshold }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const c = t.columns;
  return (
    <div data-testid="duplicates">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>{t.threshold}</span>
        <InputNumber data-testid="duplicates-threshold" min={0.3} max={1} step={0.05} value={threshold} onChange={(v) => typeof v === 'number' && setThreshold(v)} />
        <Button type="primary" loading={busy} onClick={() => void find()} data-testid="find-duplicates">
          {t.find}
        </Button>
        {found && (
          <Typography.Text data-testid="duplicates-summary">{found.pairs.length === 0 ? t.none(found.threshold) : t.found(found.pairs.length, found.items)}</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {found && found.pairs.length > 0 && (
        <Table<Pair>
          data-testid="duplicates-table"
          size="small"
          rowKey={(p) => `${p.a}-${p.b}`}
          dataSource={[...found.pairs]}
          pagination={{ defaultPageSize: 20, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (p) => <Compare bankId={props.bankId} pair={p} mark={props.mark} />,
            columnTitle: c.compare,
          }}
          columns={[
            { title: c.a, render: (_: unknown, p) => t.item(p.a) },
            { title: c.b, render: (_: unknown, p) => t.item(p.b) },
            { title: c.score, render: (_: unknown, p) => p.score.toFixed(2) },
            { title: c.kind, render: (_: unknown, p) => <Tag color={p.kind === 'exact' ? 'red' : 'gold'}>{importText.near.kind[p.kind]}</Tag> },
          ]}
        />
      )}
    </div>
  );
}

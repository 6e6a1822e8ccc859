/**
 * An item's versions and workflow steps (`items.history`, metadata only) and the character diff of
 * two versions (`items.diff`, a 调阅): each changed field with deletions struck through in red and
 * insertions underlined in green.
 */
import { Alert, Empty, Select, Space, Spin, Table, Timeline, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import type { FieldChange } from '../../../../domain/item-diff.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { itemsText } from './text.js';

const t = itemsText.history;

/** `2026-03-05 14:07` in the workstation's time zone (the stored times are ISO, UTC). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const del = { background: '#fff1f0', color: '#a8071a', textDecoration: 'line-through' } as const;
const ins = { background: '#f6ffed', color: '#237804', textDecoration: 'underline' } as const;

export function DiffView(props: { changes: readonly FieldChange[] }) {
  if (props.changes.length === 0) return <Typography.Text type="secondary">{t.noDiff}</Typography.Text>;
  return (
    <div data-testid="diff">
      {props.changes.map((c) => (
        <div key={c.field} data-testid="diff-field" data-field={c.field} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{c.field}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap', border: '1px solid #f0f0f0', padding: '6px 10px', borderRadius: 4, lineHeight: 1.8 }}>
            {c.segments.map((s, i) =>
              s.op === '=' ? (
                <span key={i}>{s.text}</span>
              ) : s.op === '-' ? (
                <del key={i} style={del}>
                  {s.text}
                </del>
              ) : (
                <ins key={i} style={ins}>
                  {s.text}
                </ins>
              ),
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

function Compare(props: { bankId: number; itemId: number; versions: readonly number[] }) {
  const latest = props.versions.at(-1) ?? 1;
  const [from, setFrom] = useState(props.versions.at(-2) ?? latest);
  const [to, setTo] = useState(latest);
  useEffect(() => {
    setFrom(props.versions.at(-2) ?? latest);
    setTo(latest);
  }, [props.versions, latest]);
  const diff = useLoad(() => (from === to ? Promise.resolve([]) : api['items.diff']({ bankId: props.bankId, itemId: props.itemId, from, to })), [props.bankId, props.itemId, from, to]);
  if (props.versions.length < 2) return <Typography.Text type="secondary">{t.single}</Typography.Text>;
  const options = props.versions.map((v) => ({ value: v, label: t.v(v) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        {t.compare}
        <Select data-testid="diff-from" value={from} onChange={setFrom} options={options} style={{ width: 110 }} aria-label={t.from} />→
        <Select data-testid="diff-to" value={to} onChange={setTo} options={options} style={{ width: 110 }} aria-label={t.to} />
      </Space>
      {diff.error && <Alert type="error" showIcon title={diff.error} />}
      {diff.loading ? <Spin /> : <DiffView changes={diff.data ?? []} />}
    </Space>
  );
}

export function ItemHistory(props: { bankId: number; itemId: number; version: number }) {
  const history = useLoad(() => api['items.history']({ bankId: props.bankId, itemId: props.itemId }), [props.bankId, props.itemId, props.version]);
  if (history.error) return <Alert type="error" showIcon title={history.error} />;
  if (!history.data) return <Spin />;
  const { versions, transitions } = history.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large" data-testid="item-history">
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={[...versions].reverse()}
        onRow={(v) => ({ 'data-testid': 'history-version', 'data-version': v.version }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.columns.version, dataIndex: 'version', width: 80, render: (v: number) => t.v(v) },
          { title: t.columns.at, dataIndex: 'createdAt', width: 160, render: localTime },
          { title: t.columns.by, dataIndex: 'createdBy', width: 110 },
          { title: t.columns.note, dataIndex: 'note' },
        ]}
      />
      <Compare bankId={props.bankId} itemId={props.itemId} versions={versions.map((v) => v.version)} />
      <div>
        <Typography.Title level={5}>{t.transitions}</Typography.Title>
        {transitions.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            data-testid="transitions"
            items={[...transitions].reverse().map((x, i) => ({
              key: i,
              content: (
                <span data-testid="transition">
                  {t.transition(x.from, x.to)}　{x.by}　{localTime(x.at)}　{t.v(x.version)}
                  {x.comment && <Typography.Text type="secondary">　“{x.comment}”</Typography.Text>}
                </span>
              ),
            }))}
          />
        )}
      </div>
    </Space>
  );
}

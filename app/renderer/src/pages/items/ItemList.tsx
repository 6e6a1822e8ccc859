/**
 * The virtualised list (@tanstack/react-virtual): only the rows on screen are rendered, whatever
 * the count; the rows in view (plus a margin) are asked of the source, which loads their pages.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { totalFindings, type LintCounts } from './model.js';
import { itemsText } from './text.js';
import type { ItemSource, RowView } from './useItemSource.js';

const ROW_HEIGHT = 40;
const COLUMNS = '80px 110px 150px 64px 72px minmax(200px, 1fr) 90px';
const c = itemsText.list.columns;

const STATE_COLORS: Record<string, string> = { 草稿: 'default', 待审: 'gold', 已审: 'blue', 入库: 'green', 停用: 'red' };

const cellStyle = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function FindingsCell(props: { counts: LintCounts | undefined }) {
  const counts = props.counts;
  if (!counts) return <Typography.Text type="secondary">{itemsText.list.noLint}</Typography.Text>;
  const n = totalFindings(counts);
  const color = counts.error > 0 ? 'red' : counts.warning > 0 ? 'orange' : n > 0 ? 'blue' : 'green';
  return (
    <span>
      <Tag data-testid="row-findings" data-count={n} color={color} style={{ minWidth: 32, textAlign: 'center' }}>
        {n}
      </Tag>
    </span>
  );
}

function Row(props: { row: RowView | undefined; index: number; onOpen(id: number): void; selected: boolean }) {
  const r = props.row;
  if (!r) {
    return (
      <div style={{ padding: '0 12px', lineHeight: `${ROW_HEIGHT}px` }}>
        <Typography.Text type="secondary">{itemsText.list.row}</Typography.Text>
      </div>
    );
  }
  return (
    <div
      data-testid="item-row"
      data-id={r.id}
      role="row"
      tabIndex={0}
      onClick={() => props.onOpen(r.id)}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen(r.id)}
      style={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        alignItems: 'center',
        height: ROW_HEIGHT,
        padding: '0 12px',
        gap: 8,
        cursor: 'pointer',
        borderBottom: '1px solid #f0f0f0',
        background: props.selected ? '#e6f4ff' : props.index % 2 === 1 ? '#fafafa' : '#fff',
      }}
    >
      <span data-testid="row-id">{r.id}</span>
      <span data-testid="row-type" style={cellStyle}>{itemsText.types[r.type] ?? r.type}</span>
      <span style={cellStyle}>{r.binding || '—'}</span>
      <span>{r.difficulty ?? '—'}</span>
      <span>
        <Tag data-testid="row-state" color={STATE_COLORS[r.state]}>
          {r.state}
        </Tag>
      </span>
      <span data-testid="row-title" style={cellStyle} title={r.title}>
        {r.title ?? <Typography.Text type="secondary">{itemsText.list.row}</Typography.Text>}
      </span>
      <FindingsCell counts={r.findings} />
    </div>
  );
}

export function ItemList(props: { source: ItemSource; onOpen(id: number): void; selected: number | null; height: number }) {
  const { source } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: source.count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const ensure = source.ensure;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [first, last, ensure]);

  return (
    <div data-testid="items-list" style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <div
        role="row"
        style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, padding: '8px 12px', fontWeight: 600, background: '#fafafa', borderBottom: '1px solid #f0f0f0', paddingRight: 24 }}
      >
        <span>{c.id}</span>
        <span>{c.type}</span>
        <span>{c.binding}</span>
        <span>{c.difficulty}</span>
        <span>{c.state}</span>
        <span>{c.title}</span>
        <span>{c.findings}</span>
      </div>
      <div ref={scroller} data-testid="items-scroller" style={{ height: props.height, overflow: 'auto' }}>
        {source.pending ? (
          <Spin style={{ display: 'block', paddingTop: 48 }} description={itemsText.list.searching} />
        ) : source.count === 0 ? (
          <Empty data-testid="items-empty" style={{ paddingTop: 48 }} description={itemsText.list.empty} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => (
              <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                <Row row={source.rowAt(v.index)} index={v.index} onOpen={props.onOpen} selected={source.rowAt(v.index)?.id === props.selected} />
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

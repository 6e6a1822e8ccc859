/**
 * The item versions of the assignment as a virtualised list (@tanstack/react-virtual, as the 试题
 * tab): only the rows on screen are rendered, so 500 items scroll and switch as fast as 5. Each row
 * shows the code, 题型, 鉴定点 and the acting expert's verdict (for the manager: the panel's).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { itemsText } from '../items/text.js';
import type { Row } from './model.js';
import { reviewText, VERDICT_COLORS } from './text.js';

const ROW_HEIGHT = 36;
const COLUMNS = '72px 104px minmax(90px, 1fr) 104px';
const t = reviewText.workspace;
const cell = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** What a row says in its last column. */
export interface RowMark {
  readonly text: string;
  readonly verdict: string;
  readonly pending?: boolean;
}

export function WorkspaceList(props: { rows: readonly Row[]; selected: number; markOf(row: Row): RowMark; onSelect(index: number): void; height: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  useEffect(() => {
    if (props.rows.length > 0) virtualizer.scrollToIndex(props.selected, { align: 'auto' });
  }, [props.selected, props.rows.length, virtualizer]);

  return (
    <div data-testid="ws-list" style={{ border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}>
      <div style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, padding: '8px 12px', fontWeight: 600, background: '#fafafa', borderBottom: '1px solid #f0f0f0', paddingRight: 24 }}>
        <span>{t.columns.code}</span>
        <span>{t.columns.type}</span>
        <span>{t.columns.binding}</span>
        <span>{t.columns.verdict}</span>
      </div>
      <div ref={scroller} data-testid="ws-scroller" style={{ height: props.height, overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = props.rows[v.index]!;
            const mark = props.markOf(row);
            const selected = v.index === props.selected;
            return (
              <div
                key={v.key}
                data-testid="ws-row"
                data-index={v.index}
                data-item={row.itemId}
                data-verdict={mark.verdict}
                data-selected={selected}
                role="row"
                tabIndex={-1}
                onClick={() => props.onSelect(v.index)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  gap: 8,
                  alignItems: 'center',
                  padding: '0 12px',
                  cursor: 'pointer',
                  borderBottom: '1px solid #f0f0f0',
                  borderLeft: selected ? '3px solid #1677ff' : '3px solid transparent',
                  background: selected ? '#e6f4ff' : v.index % 2 === 1 ? '#fafafa' : '#fff',
                }}
              >
                <span style={cell}>{row.code}</span>
                <span style={cell}>{itemsText.types[row.type] ?? row.type}</span>
                <span style={cell} title={row.binding}>
                  {row.binding || t.none}
                </span>
                <span style={cell}>
                  {mark.verdict ? (
                    <Tag color={mark.pending ? 'default' : VERDICT_COLORS[mark.verdict]}>{mark.text}</Tag>
                  ) : (
                    <Typography.Text type="secondary">{mark.text}</Typography.Text>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

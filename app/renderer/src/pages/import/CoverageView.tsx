/**
 * Coverage of the 细目表 (coverage.get): per node, its 比重 and 鉴定点, the 鉴定点 with items, the items
 * available and what one set and N disjoint sets need (for the bank's paper structure), the 题型 short
 * — N selectable. Counts only, no item content.
 */
import { Alert, InputNumber, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatImportanceRatio } from '../../../../domain/element-table.js';
import { MIN_PARALLEL_SETS } from '../../../../domain/paper.js';
import { theoryItemTypeNames } from '../../../../domain/theory-item.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { importText } from './text.js';

const t = importText.coverage;
type CoverageRow = Awaited<ReturnType<QbankApi['coverage.get']>>[number];
type Node = CoverageRow & { key: string; children?: Node[] };

/** The pre-order rows as a tree, by code path. */
export function coverageTree(rows: readonly CoverageRow[]): Node[] {
  const roots: Node[] = [];
  const byPath = new Map<string, Node>();
  for (const row of rows) {
    const node: Node = { ...row, key: row.path };
    const parent = byPath.get(row.path.split('-').slice(0, -1).join('-'));
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
    byPath.set(row.path, node);
  }
  return roots;
}

function columns(sets: number): TableColumnsType<Node> {
  const c = t.columns;
  return [
    { title: c.path, dataIndex: 'path', width: 130 },
    { title: c.name, dataIndex: 'name' },
    { title: c.weight, dataIndex: 'weight', width: 90 },
    { title: c.points, width: 120, render: (_: unknown, r) => formatImportanceRatio(r.points) },
    { title: c.covered, width: 110, render: (_: unknown, r) => `${r.coveredPoints}/${r.points.X + r.points.Y + r.points.Z}` },
    { title: c.available, dataIndex: 'available', width: 90 },
    { title: c.perSet, dataIndex: 'neededPerSet', width: 90 },
    { title: c.needed(sets), dataIndex: 'needed', width: 90 },
    { title: c.shortTypes, width: 200, render: (_: unknown, r) => r.shortTypes.map((ty) => theoryItemTypeNames[ty]).join('、') },
    { title: c.status, width: 70, render: (_: unknown, r) => <Tag color={r.short ? 'red' : 'green'}>{r.short ? t.status.short : t.status.ok}</Tag> },
  ];
}

export function CoverageView(props: { bankId: number; visit: number }) {
  const [sets, setSets] = useState(MIN_PARALLEL_SETS);
  const [onlyInBank, setOnlyInBank] = useState(true);
  const rows = useLoad(() => api['coverage.get']({ bankId: props.bankId, sets, onlyInBank }), [props.bankId, sets, onlyInBank, props.visit]);
  const shortLeaves = (rows.data ?? []).filter((r) => r.isLeaf && r.short).length;
  return (
    <div data-testid="coverage">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t.sets}</span>
        <InputNumber data-testid="coverage-sets" min={1} max={10} precision={0} value={sets} onChange={(v) => typeof v === 'number' && setSets(v)} />
        <span>{t.onlyInBank}</span>
        <Switch data-testid="coverage-only-in-bank" checked={onlyInBank} onChange={setOnlyInBank} />
        {rows.data && (
          <Typography.Text data-testid="coverage-summary" type={shortLeaves > 0 ? 'danger' : 'success'}>
            {shortLeaves > 0 ? t.short(shortLeaves) : t.enough}
          </Typography.Text>
        )}
      </Space>
      {rows.error ? (
        <Alert type="error" showIcon title={rows.error} />
      ) : (
        <Table<Node>
          data-testid="coverage-table"
          size="small"
          bordered
          loading={rows.loading}
          pagination={false}
          dataSource={coverageTree(rows.data ?? [])}
          columns={columns(sets)}
          expandable={{ defaultExpandAllRows: true }}
          key={`${sets}-${onlyInBank}-${rows.data?.length ?? 0}`}
        />
      )}
    </div>
  );
}

/**
 * The 理论知识考核要素细目表 as a tree table: 鉴定范围 nodes (一级 … 四级) with their 比重 and
 * 重要程度比例 (X:Y:Z), the 鉴定点 under the leaves with their X/Y/Z. In a draft the 比重, names and
 * X/Y/Z are edited in place; a node whose children do not add up to it shows their sum in red.
 */
import { Input, InputNumber, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { elementTableStats, formatImportanceRatio, IMPORTANCE, type Importance, type TheoryElementTable } from '../../../../domain/element-table.js';
import { formatNumber } from '../../../../domain/format.js';
import { elementsText } from './text.js';
import { sameWeight, topSum, treeRows, updateElement, updateScope, type TreeRow } from './theory-tree.js';

const t = elementsText.theory;
const IMPORTANCE_COLOR: Record<Importance, string> = { X: 'blue', Y: 'gold', Z: 'default' };

interface Props {
  readonly table: TheoryElementTable;
  /** Present when the table is a draft being edited. */
  readonly onChange?: (table: TheoryElementTable) => void;
  readonly expanded: readonly string[];
  readonly onExpand: (keys: string[]) => void;
}

function WeightCell(props: { row: TreeRow; table: TheoryElementTable; onChange?: Props['onChange'] }) {
  const { row, onChange } = props;
  if (row.kind !== 'scope' || row.weight === undefined) return null;
  const off = row.childSum !== undefined && !sameWeight(row.childSum, row.weight);
  return (
    <span>
      {onChange ? (
        <InputNumber
          data-testid={`weight-${row.path}`}
          size="small"
          min={0}
          max={100}
          value={row.weight}
          status={off ? 'error' : ''}
          onChange={(v) => onChange(updateScope(props.table, row.path, { weight: typeof v === 'number' ? v : 0 }))}
          style={{ width: 90 }}
        />
      ) : (
        <span data-testid={`weight-${row.path}`}>{formatNumber(row.weight)}</span>
      )}
      {off && (
        <Typography.Text type="danger" data-testid={`child-sum-${row.path}`} style={{ marginLeft: 8 }}>
          {`${t.columns.childSum} ${formatNumber(row.childSum ?? 0)}`}
        </Typography.Text>
      )}
    </span>
  );
}

function NameCell(props: { row: TreeRow; table: TheoryElementTable; onChange?: Props['onChange'] }) {
  const { row, table, onChange } = props;
  if (!onChange) return <span>{row.name}</span>;
  const change = (name: string) => onChange(row.kind === 'scope' ? updateScope(table, row.path, { name }) : updateElement(table, row.path, { name }));
  return <Input size="small" value={row.name} maxLength={row.kind === 'scope' ? 60 : 80} onChange={(e) => change(e.target.value)} style={{ maxWidth: 360 }} />;
}

function ImportanceCell(props: { row: TreeRow; table: TheoryElementTable; onChange?: Props['onChange'] }) {
  const { row, table, onChange } = props;
  if (row.kind === 'scope') return row.counts ? <span>{formatImportanceRatio(row.counts)}</span> : null;
  const value = row.importance ?? 'X';
  if (!onChange) return <Tag color={IMPORTANCE_COLOR[value]}>{value}</Tag>;
  return (
    <Radio.Group
      data-testid={`importance-${row.path}`}
      size="small"
      optionType="button"
      value={value}
      options={IMPORTANCE.map((i) => ({ value: i, label: i }))}
      onChange={(e) => onChange(updateElement(table, row.path, { importance: e.target.value as Importance }))}
    />
  );
}

function columns(table: TheoryElementTable, onChange: Props['onChange']): TableColumnsType<TreeRow> {
  return [
    { title: t.columns.code, dataIndex: 'path', width: 220, render: (path: string, row) => (row.kind === 'scope' ? <strong>{path}</strong> : path) },
    { title: t.columns.name, render: (_: unknown, row) => <NameCell row={row} table={table} onChange={onChange} /> },
    { title: t.columns.kind, width: 120, render: (_: unknown, row) => (row.kind === 'scope' ? (t.depth[row.depth - 1] ?? '') : t.element) },
    { title: t.columns.weight, width: 220, render: (_: unknown, row) => <WeightCell row={row} table={table} onChange={onChange} /> },
    { title: `${t.columns.importance} / ${t.columns.ratio}`, width: 190, render: (_: unknown, row) => <ImportanceCell row={row} table={table} onChange={onChange} /> },
    { title: t.columns.points, dataIndex: 'points', width: 90 },
  ];
}

function Summary(props: { table: TheoryElementTable }) {
  const total = topSum(props.table);
  const stats = elementTableStats(props.table);
  const off = !sameWeight(total, 100);
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={3}>
        <strong>{t.total}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3}>
        <Typography.Text type={off ? 'danger' : undefined} strong data-testid="weight-total">
          {formatNumber(total)}
        </Typography.Text>
        {off && <Typography.Text type="danger">{`（${t.totalShouldBe}）`}</Typography.Text>}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={4}>{formatImportanceRatio(stats.counts)}</Table.Summary.Cell>
      <Table.Summary.Cell index={5}>{stats.elements}</Table.Summary.Cell>
    </Table.Summary.Row>
  );
}

export function TheoryTree(props: Props) {
  return (
    <Table<TreeRow>
      data-testid="theory-tree"
      size="small"
      bordered
      rowKey="key"
      pagination={false}
      dataSource={treeRows(props.table)}
      columns={columns(props.table, props.onChange)}
      expandable={{ expandedRowKeys: [...props.expanded], onExpandedRowsChange: (keys) => props.onExpand(keys.map(String)) }}
      summary={() => (
        <Table.Summary fixed>
          <Summary table={props.table} />
        </Table.Summary>
      )}
      sticky
    />
  );
}

/**
 * What the import read, one row per item of the file: its place, 题型 (a practical task or 综合评审
 * item reads as its kind), 鉴定点 (or the suggested one of a 待归类 item), 难度, key and the head of
 * its stem, how it fares, and its problems in red and quality findings in orange. Shows item content:
 * the caller declares the secret view.
 */
import { Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { lintByRow, problemsByRow, type ImportReport, type PreviewRow } from './report.js';
import { importText } from './text.js';

const t = importText.preview;
type Filter = 'all' | 'problems' | 'ok';
const STATUS_COLOR: Record<PreviewRow['status'], string> = { ok: 'green', unbound: 'orange', rejected: 'red', skipped: 'default', pending: 'gold' };

function elementText(row: PreviewRow): string {
  if (row.element !== '') return row.element;
  if (row.suggestion) return t.suggested(row.suggestion.element, row.suggestion.name, row.suggestion.score);
  return t.none;
}

function columns(problems: ReadonlyMap<string, readonly string[]>, lint: ReadonlyMap<string, readonly string[]>): TableColumnsType<PreviewRow> {
  const c = t.columns;
  return [
    { title: c.where, dataIndex: 'where', width: 140 },
    { title: c.type, dataIndex: 'type', width: 100 },
    { title: c.element, width: 120, render: (_: unknown, r) => elementText(r) },
    { title: c.difficulty, width: 60, render: (_: unknown, r) => r.difficulty ?? t.none },
    { title: c.key, dataIndex: 'key', width: 60 },
    { title: c.stem, dataIndex: 'stem' },
    { title: c.status, width: 80, render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{t.status[r.status]}</Tag> },
    {
      title: c.problems,
      width: 260,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          {(problems.get(r.where) ?? []).map((p, i) => (
            <Typography.Text key={`p${i}`} type="danger">
              {p}
            </Typography.Text>
          ))}
          {(lint.get(r.where) ?? []).map((p, i) => (
            <Typography.Text key={`l${i}`} type="warning">
              {p}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];
}

export function PreviewTable(props: { report: ImportReport }) {
  const [filter, setFilter] = useState<Filter>('all');
  const problems = useMemo(() => problemsByRow(props.report).byRow, [props.report]);
  const lint = useMemo(() => lintByRow(props.report), [props.report]);
  const rows = props.report.preview.filter((r) => {
    if (filter === 'problems') return problems.has(r.where) || lint.has(r.where) || r.status !== 'ok';
    if (filter === 'ok') return r.status === 'ok' || r.status === 'unbound';
    return true;
  });
  return (
    <>
      <Segmented<Filter>
        data-testid="preview-filter"
        value={filter}
        onChange={setFilter}
        options={(['all', 'problems', 'ok'] as const).map((f) => ({ value: f, label: t.filter[f] }))}
        style={{ marginBottom: 8 }}
      />
      <Table<PreviewRow>
        data-testid="preview-table"
        size="small"
        rowKey="where"
        dataSource={rows}
        columns={columns(problems, lint)}
        pagination={{ defaultPageSize: 50, showSizeChanger: false }}
      />
    </>
  );
}

/**
 * The occupation catalog: search by code or name (Chinese), the occupations found, and the chosen
 * occupation with its tracks and levels and the form that creates a bank for it. The search and the
 * chosen code live in the route (`#/catalog?q=制图&code=3-01-02-07`), so going back returns to them.
 * The catalog is public reference data: nothing here is secret.
 */
import { Alert, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { Link, navigate, queryOf, usePath } from '../../app/router.js';
import { levelsText, type Occupation } from './occupation.js';
import { OccupationDetail } from './OccupationDetail.js';
import { catalogText } from './text.js';

const t = catalogText;
const LIMIT = 50;

function route(query: string, code: string | null): string {
  const params = new URLSearchParams();
  if (query !== '') params.set('q', query);
  if (code) params.set('code', code);
  const s = params.toString();
  return s === '' ? '/catalog' : `/catalog?${s}`;
}

function Results(props: { query: string; selected: string | null }) {
  const found = useLoad(() => (props.query === '' ? Promise.resolve(null) : api['occupations.search']({ query: props.query, limit: LIMIT })), [props.query]);
  if (props.query === '') return <Typography.Text type="secondary">{t.typeToSearch}</Typography.Text>;
  if (found.error) return <Alert type="error" showIcon title={found.error} />;
  const rows = found.data ?? [];
  return (
    <Table<Occupation>
      data-testid="catalog-results"
      size="small"
      rowKey="code"
      loading={found.loading}
      dataSource={[...rows]}
      pagination={false}
      locale={{ emptyText: found.loading ? t.searching : t.noResults(props.query) }}
      footer={() => (found.loading ? t.searching : t.resultCount(rows.length, LIMIT))}
      rowClassName={(o) => (o.code === props.selected ? 'ant-table-row-selected' : '')}
      onRow={(o) => ({ onClick: () => navigate(route(props.query, o.code)), style: { cursor: 'pointer' } })}
      columns={[
        { title: t.columns.code, dataIndex: 'code', width: 130 },
        { title: t.columns.name, dataIndex: 'name', width: 200 },
        {
          title: t.columns.tracks,
          render: (_: unknown, o: Occupation) => (o.tracks.length === 0 ? t.none : o.tracks.map((tr) => <Tag key={tr.name}>{tr.name}</Tag>)),
        },
        { title: t.columns.levels, render: (_: unknown, o: Occupation) => levelsText(o.levels) ?? t.none },
        {
          title: t.columns.action,
          width: 80,
          render: (_: unknown, o: Occupation) => (
            <Link to={route(props.query, o.code)} testId={`open-${o.code}`}>
              {t.open}
            </Link>
          ),
        },
      ]}
    />
  );
}

export function CatalogPage() {
  const path = usePath();
  const params = queryOf(path);
  const query = params.get('q') ?? '';
  const code = params.get('code');
  const [typed, setTyped] = useState(query);
  useEffect(() => setTyped(query), [query]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t.title}>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        <Input.Search
          data-testid="catalog-search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => navigate(route(value.trim(), null))}
          placeholder={t.searchPlaceholder}
          enterButton={t.search}
          maxLength={60}
          allowClear
          style={{ maxWidth: 560, marginBottom: 16 }}
        />
        <Results query={query} selected={code} />
      </Card>
      {code && <OccupationDetail code={code} />}
    </Space>
  );
}

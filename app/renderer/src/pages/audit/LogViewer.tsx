/**
 * The log viewer: filters (actor, action, object, register, result, time range) and the rows, newest
 * first, a page at a time from `audit.list` (each read is itself registered).
 */
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AUDIT_REGISTERS, AUDIT_RESULTS } from '../../../../domain/audit.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../dashboard/format.js';
import { auditText } from './text.js';

const t = auditText.log;

type Page = Awaited<ReturnType<QbankApi['audit.list']>>;
type Row = Page['rows'][number];
type Filter = Omit<Parameters<QbankApi['audit.list']>[0], 'offset' | 'limit'>;

interface FilterValues {
  actor?: string;
  action?: string;
  object?: string;
  register?: (typeof AUDIT_REGISTERS)[number] | '*';
  result?: (typeof AUDIT_RESULTS)[number] | '*';
  time?: [Dayjs | null, Dayjs | null] | null;
}

/** The first few object references of a row; the rest counted. */
function objectsText(objects: readonly string[]): string {
  return objects.length > SHOWN_OBJECTS ? t.moreObjects(objects.slice(0, SHOWN_OBJECTS).join('，'), objects.length) : objects.join('，');
}

const SHOWN_OBJECTS = 6;
const RESULT_COLOURS = { ok: 'green', refused: 'red', error: 'orange' } as const;

function filterOf(v: FilterValues): Filter {
  const [from, to] = v.time ?? [null, null];
  const text = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
  return {
    ...(text(v.actor) ? { actor: text(v.actor) } : {}),
    ...(text(v.action) ? { action: text(v.action) } : {}),
    ...(text(v.object) ? { object: text(v.object) } : {}),
    ...(v.register && v.register !== '*' ? { register: v.register } : {}),
    ...(v.result && v.result !== '*' ? { result: v.result } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
  };
}

export function LogViewer(props: { refreshKey: number }) {
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const rows = useLoad(() => api['audit.list']({ ...filter, offset: (page.current - 1) * page.pageSize, limit: page.pageSize }), [filter, page, props.refreshKey]);
  const search = (v: FilterValues) => {
    setFilter(filterOf(v));
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <Card title={t.title} size="small">
      <Form form={form} layout="inline" onFinish={search} initialValues={{ register: '*', result: '*' }} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="actor" label={t.actor}>
          <Input allowClear style={{ width: 130 }} data-testid="filter-actor" />
        </Form.Item>
        <Form.Item name="action" label={t.action}>
          <Input allowClear style={{ width: 150 }} data-testid="filter-action" />
        </Form.Item>
        <Form.Item name="object" label={t.object}>
          <Input allowClear style={{ width: 150 }} data-testid="filter-object" />
        </Form.Item>
        <Form.Item name="register" label={t.register}>
          <Select style={{ width: 120 }} options={[{ value: '*', label: t.all }, ...AUDIT_REGISTERS.map((r) => ({ value: r, label: r === '' ? t.noRegister : r }))]} />
        </Form.Item>
        <Form.Item name="result" label={t.result}>
          <Select style={{ width: 90 }} options={[{ value: '*', label: t.all }, ...AUDIT_RESULTS.map((r) => ({ value: r, label: t.results[r] }))]} />
        </Form.Item>
        <Form.Item name="time" label={t.time}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-search">
            {t.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              search({});
            }}
          >
            {t.reset}
          </Button>
        </Space>
      </Form>
      {rows.error && <Alert type="error" showIcon title={rows.error} data-testid="log-error" style={{ marginBottom: 12 }} />}
      <Table<Row>
        data-testid="log-rows"
        size="small"
        rowKey="seq"
        loading={rows.loading}
        dataSource={[...(rows.data?.rows ?? [])]}
        locale={{ emptyText: t.empty }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => <span data-testid="log-total">{t.total(n)}</span>,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          { title: t.columns.seq, dataIndex: 'seq', width: 70 },
          { title: t.columns.at, width: 170, render: (_: unknown, r) => localTime(r.at) },
          { title: t.columns.actor, dataIndex: 'actor', width: 100 },
          {
            title: t.columns.action,
            width: 220,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{r.actionName}</Typography.Text>
                <Typography.Text type="secondary" code>
                  {r.action}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t.columns.register, dataIndex: 'register', width: 70 },
          { title: t.columns.result, width: 70, render: (_: unknown, r) => <Tag color={RESULT_COLOURS[r.result]}>{r.resultName}</Tag> },
          { title: t.columns.objects, width: 220, render: (_: unknown, r) => <Typography.Text style={{ wordBreak: 'break-all' }}>{objectsText(r.objects)}</Typography.Text> },
          { title: t.columns.detail, render: (_: unknown, r) => <Typography.Text style={{ wordBreak: 'break-all' }}>{r.detail}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

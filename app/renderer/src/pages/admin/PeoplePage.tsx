/**
 * 涉密人员与保密责任书: the personnel register with each person's latest 保密责任书 — valid (green),
 * ending within PLEDGE_WARNING_DAYS (orange, with the days left), expired or missing (red) — and the
 * 第十五条 training warning; register or change a person, register a pledge with its scan, export the
 * register. Dates are Beijing dates, as the services judge the pledges.
 */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { beijingDate } from '../../../../domain/person.js';
import { api, desktop } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useNotice } from './notice.js';
import { PersonForm, PledgeForm, type Person } from './PeopleForms.js';
import { adminText } from './text.js';

const t = adminText.people;

/** The dashboard's window (app/services/overview/duties.ts PLEDGE_WARNING_DAYS): a pledge ending sooner is announced. */
export const PLEDGE_WARNING_DAYS = 30;

type Pledge = Person['pledges'][number];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The pledge that counts: the valid one ending last, else the one that ended last. */
function currentPledge(p: Person, today: string): Pledge | undefined {
  const byEnd = [...p.pledges].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
  return byEnd.filter((x) => x.signedOn <= today && today <= x.expiresOn).at(-1) ?? byEnd.at(-1);
}

function PledgeStatus(props: { p: Person; today: string }) {
  const { p, today } = props;
  const pledge = currentPledge(p, today);
  if (p.pledgeStatus === '未登记') return <Tag color="red">{t.missing}</Tag>;
  if (p.pledgeStatus === '已过期') return <Tag color="red">{t.expired}</Tag>;
  const days = pledge ? daysBetween(today, pledge.expiresOn) : 0;
  return days <= PLEDGE_WARNING_DAYS ? <Tag color="orange">{t.expiresIn(days)}</Tag> : <Tag color="green">{t.valid}</Tag>;
}

export function PeoplePage() {
  const people = useLoad(() => api['people.list']({}), []);
  const notice = useNotice('people-notice');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [pledging, setPledging] = useState<Person | null>(null);
  const today = beijingDate(new Date());
  const exportRegister = async () => {
    const { path } = await desktop.chooseFolder({});
    if (path === null) return;
    await notice.act(() => api['people.exportRegister']({ outDir: path }), (f) => t.exported(f.absolutePath));
  };

  return (
    <Card
      title={t.title}
      extra={
        <Space>
          <Button onClick={() => void exportRegister()}>{t.export}</Button>
          <Button type="primary" onClick={() => setEditing('new')} data-testid="add-person">
            {t.add}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t.intro}
        {t.warningWindow(PLEDGE_WARNING_DAYS)}
      </Typography.Paragraph>
      {notice.view}
      {people.error && <Alert type="error" showIcon title={people.error} action={<Button onClick={people.reload}>{adminText.retry}</Button>} />}
      <Table<Person>
        data-testid="people"
        size="small"
        rowKey="id"
        loading={people.loading}
        dataSource={[...(people.data ?? [])]}
        pagination={false}
        onRow={(p) => ({ 'data-testid': `person-${p.name}` }) as object}
        columns={[
          {
            title: t.nameTitle,
            width: 100,
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary">{p.title}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t.unitPhone,
            width: 210,
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{p.unit}</Typography.Text>
                <Typography.Text type="secondary">{p.phone}</Typography.Text>
              </Space>
            ),
          },
          { title: t.workTypes, width: 120, render: (_: unknown, p) => p.workTypes.join('、') || t.none },
          { title: t.expertRole, width: 100, render: (_: unknown, p) => p.expertRole ?? t.none },
          { title: t.accounts, width: 90, render: (_: unknown, p) => p.accounts.join('、') || t.none },
          {
            title: t.pledgeColumn,
            width: 250,
            render: (_: unknown, p) => {
              const pledge = currentPledge(p, today);
              return (
                <Space orientation="vertical" size={0}>
                  {pledge && <Typography.Text>{t.pledgeRange(pledge.signedOn, pledge.expiresOn)}</Typography.Text>}
                  {pledge && <Typography.Text type="secondary">{t.scopeAndScan(pledge.scope, pledge.scanSha256 ? t.hasScan : t.noScan)}</Typography.Text>}
                  {p.warning && <Typography.Text type="warning">{p.warning}</Typography.Text>}
                </Space>
              );
            },
          },
          { title: t.status, width: 100, render: (_: unknown, p) => <span data-testid={`pledge-status-${p.name}`}><PledgeStatus p={p} today={today} /></span> },
          {
            title: adminText.actions,
            width: 170,
            render: (_: unknown, p) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(p)}>
                  {t.edit}
                </Button>
                <Button size="small" onClick={() => setPledging(p)} data-testid={`pledge-${p.name}`}>
                  {t.pledgeShort}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PersonForm
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(p, created) => {
          setEditing(null);
          void notice.act(() => Promise.resolve(), () => (created ? t.added(p.name) : t.updated(p.name)));
          people.reload();
        }}
      />
      <PledgeForm
        person={pledging}
        onClose={() => setPledging(null)}
        onSaved={(p) => {
          setPledging(null);
          void notice.act(() => Promise.resolve(), () => t.pledged(p.name));
          people.reload();
        }}
      />
    </Card>
  );
}

/**
 * The banks of the dashboard, one card each: tables, items by state, sets per kind (≥ 3?), the last
 * submission and what blocks the next step. Every part is a link to the tab where it is worked on
 * (members only: the 三员 see the bank but may not open it); a blocker links to the tab that fixes it.
 */
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../../../domain/roles.js';
import { roleNames } from '../../../../domain/roles.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { localTime } from './format.js';
import { dashboardText as t } from './text.js';

export type BankOverview = Awaited<ReturnType<QbankApi['overview.banks']>>[number];
type Blocker = BankOverview['blockers'][number];

const STATE_COLOURS: Readonly<Record<string, string>> = { 草稿: 'default', 待审: 'gold', 已审: 'blue', 入库: 'green', 停用: 'default' };

/** Where a blocker is fixed, or null when this account may not open that page. */
function blockerPath(o: BankOverview, b: Blocker, roles: readonly Role[]): string | null {
  if (b.target === 'access') return roles.includes('secadmin') || roles.includes('manager') ? '/admin/access' : null;
  return o.scope === 'member' ? `/banks/${o.bank.id}/${b.target}` : null;
}

/** A link into the bank for its members, plain text for the 三员. */
function into(o: BankOverview, tab: string, children: ReactNode, testId?: string): ReactNode {
  return o.scope === 'member' ? (
    <Link to={`/banks/${o.bank.id}/${tab}`} testId={testId}>
      {children}
    </Link>
  ) : (
    children
  );
}

function Tables(props: { o: BankOverview }) {
  const { theory, practical } = props.o.tables;
  return into(
    props.o,
    'elements',
    <Space orientation="vertical" size={0}>
      <Typography.Text type={theory ? undefined : 'danger'}>{theory ? t.theory(theory.version, theory.elements) : t.noTheory}</Typography.Text>
      <Typography.Text type={practical ? undefined : 'danger'}>{practical ? t.practical(practical.version, practical.modules) : t.noPractical}</Typography.Text>
    </Space>,
    `tables-${props.o.bank.id}`,
  );
}

function Items(props: { o: BankOverview }) {
  const items = props.o.items;
  if (!items) return <Typography.Text type="secondary">—</Typography.Text>;
  return into(
    props.o,
    'items',
    <Space size={[4, 4]} wrap>
      <Typography.Text>{t.itemsTotal(items.total)}</Typography.Text>
      {Object.entries(items.byState)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => (
          <Tag key={state} color={STATE_COLOURS[state]}>
            {state} {n}
          </Tag>
        ))}
      {items.unclassified > 0 && <Tag color="orange">{t.unclassified(items.unclassified)}</Tag>}
    </Space>,
    `items-${props.o.bank.id}`,
  );
}

function Sets(props: { o: BankOverview }) {
  const sets = props.o.sets;
  if (!sets) return <Typography.Text type="secondary">—</Typography.Text>;
  return into(
    props.o,
    'assembly',
    <Space orientation="vertical" size={0}>
      {(Object.entries(sets) as [keyof typeof t.setKinds, (typeof sets)['theory']][])
        .filter(([, s]) => s.needed)
        .map(([kind, s]) => (
          <Space key={kind} size={4}>
            <Typography.Text>{t.setCount(t.setKinds[kind], s.sets, s.approved)}</Typography.Text>
            <Tag color={s.enough ? 'green' : 'red'}>{s.enough ? t.enough : t.notEnough}</Tag>
          </Space>
        ))}
    </Space>,
    `sets-${props.o.bank.id}`,
  );
}

function Blockers(props: { o: BankOverview; roles: readonly Role[] }) {
  const { o } = props;
  if (o.blockers.length === 0) return <Typography.Paragraph type="success">{o.scope === 'member' ? t.noBlockers : t.nothingForYou}</Typography.Paragraph>;
  return (
    <ol style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid={`blockers-${o.bank.id}`}>
      {o.blockers.map((b, i) => {
        const path = blockerPath(o, b, props.roles);
        return (
          <li key={i}>
            <Tag>{t.places[b.target]}</Tag>
            {path ? (
              <Link to={path} testId={`blocker-${o.bank.id}-${i}`}>
                {b.message}
              </Link>
            ) : (
              <Typography.Text>{b.message}</Typography.Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One bank: its title, what it holds, and below what blocks the next step. */
function BankCard(props: { o: BankOverview; roles: readonly Role[] }) {
  const { o } = props;
  const member = o.scope === 'member';
  const cell = (label: string, children: ReactNode) => ({ key: label, label, children });
  const items = member
    ? [
        cell(t.columns.tables, <Tables o={o} />),
        cell(t.columns.items, <Items o={o} />),
        cell(t.columns.sets, <Sets o={o} />),
        cell(
          t.columns.documents,
          into(o, 'documents', o.lastGenerated ? t.generated(localTime(o.lastGenerated.at), o.lastGenerated.actor, o.lastGenerated.files) : t.neverGenerated, `documents-${o.bank.id}`),
        ),
      ]
    : [cell(t.columns.tables, <Tables o={o} />), cell(t.columns.members, t.members(o.members.manager, o.members.author, o.members.reviewer))];
  return (
    <Card
      size="small"
      data-testid={`bank-row-${o.bank.id}`}
      title={
        <Space>
          {into(o, 'items', <Typography.Text strong>{o.title}</Typography.Text>, `bank-${o.bank.id}`)}
          <Typography.Text type="secondary">
            {o.bank.occupationCode} · {o.bank.name}
          </Typography.Text>
          <Tag color="red">{o.bank.secrecy.level}</Tag>
          {o.bank.isSample && <Tag>{t.sample}</Tag>}
        </Space>
      }
      extra={o.roles.length > 0 && <Typography.Text type="secondary">{t.myRoles(o.roles.map((r) => roleNames[r]).join('、'))}</Typography.Text>}
    >
      <Descriptions size="small" column={member ? 4 : 2} layout="vertical" items={items} />
      <Typography.Text strong>{t.columns.blockers}</Typography.Text>
      <Blockers o={o} roles={props.roles} />
    </Card>
  );
}

export function BankRows(props: { roles: readonly Role[] }) {
  const loaded = useLoad(() => api['overview.banks']({}), []);
  const rows = loaded.data ?? [];
  const admin = props.roles.includes('secadmin') || props.roles.includes('sysadmin');
  return (
    <Card title={t.banks} data-testid="dashboard-banks" loading={loaded.loading}>
      <Typography.Paragraph type="secondary">{admin ? t.adminIntro : t.intro}</Typography.Paragraph>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} action={<Button onClick={loaded.reload}>{t.retry}</Button>} />}
      {!loaded.error && rows.length === 0 ? (
        <Empty description={t.noBanks}>
          <Typography.Paragraph type="secondary">{t.noBanksHint}</Typography.Paragraph>
          {props.roles.includes('manager') && <Button onClick={() => navigate('/catalog')}>{t.toCatalog}</Button>}
        </Empty>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {rows.map((o) => (
            <BankCard key={o.bank.id} o={o} roles={props.roles} />
          ))}
        </Space>
      )}
    </Card>
  );
}

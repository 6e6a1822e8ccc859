/**
 * 题库授权: pick a bank, see who works on it and as what, grant an account a bank role or take it back
 * (the 安全保密管理员's call; the account must hold the role already). A 题库管理员 sees the members of
 * the banks they manage.
 */
import { Alert, AutoComplete, Button, Card, Empty, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { bankTitle, BANK_ROLES, type BankRole } from '../../../../domain/bank.js';
import { roleNames } from '../../../../domain/roles.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { useNotice } from './notice.js';
import { adminText } from './text.js';

const t = adminText.access;

type Member = Awaited<ReturnType<QbankApi['access.list']>>[number];

function GrantForm(props: { bankId: number; onDone(): void; act: ReturnType<typeof useNotice>['act'] }) {
  const user = useUser();
  // the account list is the 三员's; a manager types the user name
  const accounts = useLoad(() => (user.roles.includes('secadmin') ? api['accounts.list']({}) : Promise.resolve([])), [user.username]);
  const [username, setUsername] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<BankRole>('author');
  const candidates = (accounts.data ?? []).filter((a) => !a.disabled && a.roles.some((r) => (BANK_ROLES as readonly string[]).includes(r)));
  const grant = async () => {
    if (!username) return;
    await props.act(() => api['access.grant']({ bankId: props.bankId, username, role }), () => t.granted(username, roleNames[role]));
    props.onDone();
  };
  return (
    <Space wrap>
      <AutoComplete
        style={{ width: 280 }}
        placeholder={t.username}
        value={username}
        onChange={(v: string) => setUsername(v.trim() === '' ? undefined : v.trim())}
        filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
        options={candidates.map((a) => ({ value: a.username, label: `${a.username}（${a.displayName}：${a.roles.map((r) => roleNames[r]).join('、')}）` }))}
        data-testid="access-username"
      />
      <Select<BankRole> style={{ width: 140 }} value={role} onChange={setRole} options={BANK_ROLES.map((r) => ({ value: r, label: roleNames[r] }))} data-testid="access-role" />
      <Button type="primary" disabled={!username} onClick={() => void grant()} data-testid="access-grant">
        {t.grant}
      </Button>
    </Space>
  );
}

export function AccessPage() {
  const banks = useLoad(() => api['banks.list']({}), []);
  const [bankId, setBankId] = useState<number | null>(null);
  const notice = useNotice('access-notice');
  useEffect(() => {
    if (bankId === null && banks.data?.[0]) setBankId(banks.data[0].id);
  }, [banks.data, bankId]);
  const members = useLoad(() => (bankId === null ? Promise.resolve([]) : api['access.list']({ bankId })), [bankId]);
  const revoke = async (m: Member) => {
    if (bankId === null) return;
    await notice.act(() => api['access.revoke']({ bankId, username: m.username, role: m.role }), () => t.revoked(m.username, roleNames[m.role]));
    members.reload();
  };

  if (banks.error) return <Alert type="error" showIcon title={banks.error} action={<Button onClick={banks.reload}>{adminText.retry}</Button>} />;
  return (
    <Card title={t.title} loading={banks.loading}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {(banks.data ?? []).length === 0 ? (
        <Empty description={t.noBanks} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space>
            <Typography.Text>{t.bank}</Typography.Text>
            <Select<number>
              style={{ width: 640 }}
              placeholder={t.pickBank}
              value={bankId ?? undefined}
              onChange={setBankId}
              options={(banks.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${bankTitle(b)}，${b.occupationCode}）` }))}
              data-testid="access-bank"
            />
          </Space>
          {notice.view}
          {bankId !== null && <GrantForm bankId={bankId} onDone={members.reload} act={notice.act} />}
          {members.error && <Alert type="error" showIcon title={members.error} />}
          <Table<Member>
            data-testid="access-members"
            size="small"
            rowKey={(m) => `${m.accountId}-${m.role}`}
            loading={members.loading}
            dataSource={[...(members.data ?? [])]}
            pagination={false}
            locale={{ emptyText: t.noMembers }}
            columns={[
              { title: t.username, dataIndex: 'username' },
              { title: t.role, render: (_: unknown, m) => roleNames[m.role] },
              {
                title: adminText.actions,
                width: 120,
                render: (_: unknown, m) => (
                  <Popconfirm title={t.revokeConfirm(m.username, roleNames[m.role])} onConfirm={() => void revoke(m)}>
                    <Button size="small" danger>
                      {t.revoke}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

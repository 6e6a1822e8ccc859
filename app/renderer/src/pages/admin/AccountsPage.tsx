/**
 * 账号与角色: every account with its roles, state and person; the 系统管理员's actions (new account
 * with its one-time password shown once, reset password, disable/enable) and the 安全保密管理员's
 * (grant and revoke roles, link to a person, unlock), and 三员分立 shown as a table. Both 三员 see all
 * actions; the services refuse what is not theirs, in Chinese, and the screen shows it.
 */
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { roleNames, type Role } from '../../../../domain/roles.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { CreateAccount, GrantRoles, LinkPerson, OneTimePassword, type Account } from './AccountModals.js';
import { useNotice } from './notice.js';
import { RoleSeparation, RoleTag } from './RoleSeparation.js';
import { adminText } from './text.js';

const t = adminText.accounts;

function States(props: { a: Account }) {
  const { a } = props;
  return (
    <Space size={[2, 2]} wrap>
      {a.disabled && <Tag color="default">{t.disabled}</Tag>}
      {a.locked && <Tag color="red">{t.locked}</Tag>}
      {a.mustChangePassword && <Tag color="gold">{t.mustChange}</Tag>}
      {!a.disabled && !a.locked && !a.mustChangePassword && <Tag color="green">{t.active}</Tag>}
    </Space>
  );
}

export function AccountsPage() {
  const accounts = useLoad(() => api['accounts.list']({}), []);
  const notice = useNotice('accounts-notice');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [granting, setGranting] = useState<Account | null>(null);
  const [linking, setLinking] = useState<Account | null>(null);
  const reload = accounts.reload;

  const revoke = (a: Account, role: Role) =>
    void notice.act(() => api['accounts.revokeRole']({ username: a.username, role }), () => t.revoked(a.username, roleNames[role])).then(reload);
  const reset = async (a: Account) => {
    const out = await notice.act(() => api['accounts.resetPassword']({ username: a.username }), () => '');
    if (out) {
      notice.clear();
      setShown({ username: a.username, password: out.initialPassword });
    }
    reload();
  };
  const setDisabled = (a: Account, disabled: boolean) =>
    void notice.act(() => api['accounts.setDisabled']({ username: a.username, disabled }), () => t.disabledDone(a.username, disabled)).then(reload);
  const unlock = (a: Account) => void notice.act(() => api['accounts.unlock']({ username: a.username }), () => t.unlocked(a.username)).then(reload);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t.title}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="create-account">
            {t.create}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        {notice.view}
        {accounts.error && <Alert type="error" showIcon title={accounts.error} action={<Button onClick={reload}>{adminText.retry}</Button>} />}
        <Table<Account>
          data-testid="accounts"
          size="small"
          rowKey="id"
          loading={accounts.loading}
          dataSource={[...(accounts.data ?? [])]}
          pagination={false}
          onRow={(a) => ({ 'data-testid': `account-${a.username}` }) as object}
          columns={[
            { title: t.username, dataIndex: 'username', width: 130 },
            { title: t.displayName, dataIndex: 'displayName', width: 110 },
            {
              title: t.roles,
              render: (_: unknown, a) =>
                a.roles.length === 0 ? (
                  <Typography.Text type="secondary">{t.noRoles}</Typography.Text>
                ) : (
                  <Space size={[2, 2]} wrap>
                    {a.roles.map((r) => (
                      <Popconfirm key={r} title={t.revokeConfirm(roleNames[r], a.username)} onConfirm={() => revoke(a, r)}>
                        <span title={t.revoke(roleNames[r])}>
                          <RoleTag role={r} />
                        </span>
                      </Popconfirm>
                    ))}
                  </Space>
                ),
            },
            { title: t.state, width: 170, render: (_: unknown, a) => <States a={a} /> },
            { title: t.person, width: 100, render: (_: unknown, a) => (a.personId === null ? <Typography.Text type="secondary">{t.noPerson}</Typography.Text> : t.personRef(a.personId)) },
            {
              title: adminText.actions,
              width: 380,
              render: (_: unknown, a) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setGranting(a)} data-testid={`grant-${a.username}`}>
                    {t.grant}
                  </Button>
                  <Button size="small" onClick={() => setLinking(a)} data-testid={`link-${a.username}`}>
                    {t.link}
                  </Button>
                  <Popconfirm title={t.resetConfirm(a.username)} onConfirm={() => void reset(a)}>
                    <Button size="small" data-testid={`reset-${a.username}`}>
                      {t.reset}
                    </Button>
                  </Popconfirm>
                  {a.disabled ? (
                    <Button size="small" onClick={() => setDisabled(a, false)}>
                      {t.enable}
                    </Button>
                  ) : (
                    <Popconfirm title={t.disableConfirm(a.username)} onConfirm={() => setDisabled(a, true)}>
                      <Button size="small" danger>
                        {t.disable}
                      </Button>
                    </Popconfirm>
                  )}
                  {a.locked && (
                    <Button size="small" onClick={() => unlock(a)} data-testid={`unlock-${a.username}`}>
                      {t.unlock}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RoleSeparation />
      <CreateAccount
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          setShown({ username, password });
          reload();
        }}
      />
      <OneTimePassword
        shown={shown}
        onClose={() => {
          if (shown) void notice.act(() => Promise.resolve(), () => t.created(shown.username));
          setShown(null);
        }}
      />
      <GrantRoles
        account={granting}
        onClose={() => setGranting(null)}
        onGranted={(a, roles) => {
          setGranting(null);
          void notice.act(() => Promise.resolve(), () => t.granted(a.username, roles.map((r) => roleNames[r]).join('、')));
          reload();
        }}
      />
      <LinkPerson
        account={linking}
        onClose={() => setLinking(null)}
        onLinked={(a) => {
          setLinking(null);
          void notice.act(() => Promise.resolve(), () => t.linked(a.username));
          reload();
        }}
      />
    </Space>
  );
}

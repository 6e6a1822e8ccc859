/**
 * The dialogs of the accounts screen: a new account, the one-time password shown once, roles to
 * grant (with the 三员分立 combinations that would be refused, from the domain rule), and the link
 * to the personnel register. Each shows the service's refusal in its own words.
 */
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { roleCombinationRules } from '../../../../domain/account.js';
import { ROLES, roleNames, type Role } from '../../../../domain/roles.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { adminText } from './text.js';

const t = adminText.accounts;

export type Account = Awaited<ReturnType<QbankApi['accounts.list']>>[number];

/** Runs a dialog's action: busy while it runs, the refusal kept for the dialog to show. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}

export function OneTimePassword(props: { shown: { username: string; password: string } | null; onClose(): void }) {
  return (
    <Modal
      open={props.shown !== null}
      title={t.oneTimeTitle}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="one-time-done">
          {t.oneTimeDone}
        </Button>
      }
    >
      {props.shown && (
        <Space orientation="vertical">
          <Alert type="warning" showIcon title={t.oneTimeIntro(props.shown.username)} />
          <Typography.Text>
            {t.username}：{props.shown.username}
          </Typography.Text>
          <Typography.Text code style={{ fontSize: 18 }} data-testid="one-time-password">
            {props.shown.password}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}

export function CreateAccount(props: { open: boolean; onClose(): void; onCreated(username: string, password: string): void }) {
  const [form] = Form.useForm<{ username: string; displayName: string }>();
  const action = useAction();
  const submit = (v: { username: string; displayName: string }) =>
    action.run(async () => {
      const made = await api['accounts.create']({ username: v.username.trim(), displayName: v.displayName.trim() });
      form.resetFields();
      props.onCreated(made.account.username, made.initialPassword);
    });
  return (
    <Modal open={props.open} title={t.create} onCancel={props.onClose} onOk={() => form.submit()} okText={t.create} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'create-account-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="username" label={t.username} extra={t.usernameHint} rules={[{ required: true, message: adminText.required }]}>
          <Input data-testid="new-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t.displayName} rules={[{ required: true, message: adminText.required }]}>
          <Input data-testid="new-display-name" autoComplete="off" />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon title={action.error} data-testid="create-account-error" />}
    </Modal>
  );
}

export function GrantRoles(props: { account: Account | null; onClose(): void; onGranted(account: Account, roles: Role[]): void }) {
  const [roles, setRoles] = useState<Role[]>([]);
  const action = useAction();
  const account = props.account;
  const clashes = account ? roleCombinationRules([...new Set([...account.roles, ...roles])]).map((p) => p.message) : [];
  const close = () => {
    setRoles([]);
    action.reset();
    props.onClose();
  };
  const submit = () =>
    action.run(async () => {
      if (!account) return;
      const updated = await api['accounts.grantRoles']({ username: account.username, roles });
      setRoles([]);
      props.onGranted(updated, roles);
    });
  return (
    <Modal
      open={account !== null}
      title={account ? t.grantTitle(account.username) : ''}
      onCancel={close}
      onOk={() => void submit()}
      okText={t.grant}
      okButtonProps={{ disabled: roles.length === 0, 'data-testid': 'grant-ok' }}
      confirmLoading={action.busy}
    >
      {account && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t.holds(account.roles.length === 0 ? t.noRoles : account.roles.map((r) => roleNames[r]).join('、'))}</Typography.Text>
          <Typography.Text>{t.grantPick}</Typography.Text>
          <Checkbox.Group
            data-testid="grant-roles"
            value={roles}
            onChange={(v) => setRoles(v as Role[])}
            options={ROLES.filter((r) => !account.roles.includes(r)).map((r) => ({ value: r, label: roleNames[r] }))}
          />
          {clashes.length > 0 && <Alert type="warning" showIcon title={adminText.separation.warnings} description={clashes.join('；')} data-testid="grant-clashes" />}
          {action.error && <Alert type="error" showIcon title={action.error} data-testid="grant-error" />}
        </Space>
      )}
    </Modal>
  );
}

export function LinkPerson(props: { account: Account | null; onClose(): void; onLinked(account: Account): void }) {
  // the list is tagged with the account it was loaded for: on opening, the list of the last dialog
  // (or none) is not taken for this one's
  const people = useLoad(async () => ({ account: props.account?.id, list: props.account ? await api['people.list']({}) : [] }), [props.account?.id]);
  const ready = !people.loading && people.data?.account === props.account?.id;
  const [personId, setPersonId] = useState<number | null | undefined>(undefined);
  const action = useAction();
  const account = props.account;
  const chosen = personId === undefined ? (account?.personId ?? null) : personId;
  const submit = () =>
    action.run(async () => {
      if (!account) return;
      props.onLinked(await api['accounts.linkPerson']({ username: account.username, personId: chosen }));
      setPersonId(undefined);
    });
  return (
    <Modal
      open={account !== null}
      title={account ? t.linkTitle(account.username) : ''}
      onCancel={() => {
        setPersonId(undefined);
        action.reset();
        props.onClose();
      }}
      onOk={() => void submit()}
      okText={adminText.save}
      confirmLoading={action.busy}
      okButtonProps={{ disabled: !ready, 'data-testid': 'link-ok' }}
    >
      {/* disabled until the people are loaded, so a choice is never re-rendered away */}
      <Select<number | null>
        style={{ width: '100%' }}
        data-testid="link-person"
        placeholder={t.linkPick}
        value={chosen}
        loading={!ready}
        disabled={!ready}
        onChange={setPersonId}
        options={[{ value: null, label: t.linkNone }, ...(ready ? (people.data?.list ?? []) : []).map((p) => ({ value: p.id, label: `${p.name}（${p.unit}）` }))]}
      />
      {people.error && <Alert type="error" showIcon title={people.error} style={{ marginTop: 12 }} />}
      {action.error && <Alert type="error" showIcon title={action.error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

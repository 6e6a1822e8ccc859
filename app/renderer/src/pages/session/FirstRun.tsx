/** First run: create the encrypted workstation, then show the 三员's one-time passwords once. */
import { Alert, Button, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import { desktop, errorMessage } from '../../api/client.js';
import { useSession, type DesktopState } from '../../app/session.js';
import { Centered } from './Centered.js';
import { SecretFields, type Secret } from './SecretFields.js';
import { sessionText } from './text.js';

const t = sessionText.firstRun;

type Admin = { username: string; roleName: string; initialPassword: string };

export function FirstRun() {
  const session = useSession();
  const [secret, setSecret] = useState<Secret | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ state: DesktopState; admins: Admin[] } | null>(null);

  const create = async () => {
    if (!secret) return;
    setBusy(true);
    setError(null);
    try {
      const result = await desktop.create({ secret });
      setCreated({ state: result.state, admins: [...result.admins] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Centered title={t.adminsTitle} width={640}>
        <Alert type="warning" showIcon message={t.adminsIntro} style={{ marginBottom: 16 }} />
        <Table
          data-testid="admins"
          rowKey="username"
          pagination={false}
          dataSource={created.admins}
          columns={[
            { title: t.username, dataIndex: 'username' },
            { title: t.role, dataIndex: 'roleName' },
            { title: t.initialPassword, dataIndex: 'initialPassword', render: (p: string) => <Typography.Text code copyable={false}>{p}</Typography.Text> },
          ]}
        />
        <Button type="primary" style={{ marginTop: 16 }} onClick={() => session.set(created.state)} data-testid="admins-done">
          {t.done}
        </Button>
      </Centered>
    );
  }

  return (
    <Centered title={t.title} width={560}>
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void create()}>
        <SecretFields creating onChange={setSecret} />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="error" />}
        <Button type="primary" htmlType="submit" disabled={!secret} loading={busy} data-testid="create">
          {busy ? t.creating : t.create}
        </Button>
      </Form>
    </Centered>
  );
}

/** Login, and the lock screen (the same form with the locked user's name fixed). */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { desktop, errorMessage } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { Centered } from './Centered.js';
import { sessionText } from './text.js';

const t = sessionText.login;

export function Login() {
  const session = useSession();
  const locked = session.state.lockedUser;
  const [other, setOther] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fixedUser = locked !== null && !other ? locked : null;

  const submit = async (values: { username?: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      session.set(await desktop.login({ username: fixedUser ?? values.username ?? '', password: values.password }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Centered title={fixedUser ? sessionText.lock.title : t.title}>
      {fixedUser && <Typography.Paragraph data-testid="lock-intro">{sessionText.lock.intro(fixedUser)}</Typography.Paragraph>}
      <Form layout="vertical" onFinish={(v: { username?: string; password: string }) => void submit(v)} requiredMark={false}>
        {!fixedUser && (
          <Form.Item name="username" label={t.username} rules={[{ required: true, message: t.required }]}>
            <Input data-testid="username" autoFocus autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="password" label={t.password} rules={[{ required: true, message: t.required }]}>
          <Input.Password data-testid="password" autoFocus={fixedUser !== null} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="error" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="login">
          {fixedUser ? sessionText.lock.unlock : t.submit}
        </Button>
        {fixedUser && (
          <Button type="link" onClick={() => setOther(true)}>
            {sessionText.lock.other}
          </Button>
        )}
      </Form>
    </Centered>
  );
}

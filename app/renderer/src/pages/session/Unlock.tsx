/** Opening an existing workstation with its passphrase or key file. */
import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { desktop, errorMessage } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { Centered } from './Centered.js';
import { SecretFields, type Secret } from './SecretFields.js';
import { sessionText } from './text.js';

const t = sessionText.unlock;

export function Unlock() {
  const session = useSession();
  const [secret, setSecret] = useState<Secret | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    if (!secret) return;
    setBusy(true);
    setError(null);
    try {
      session.set(await desktop.open({ secret }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Centered title={t.title}>
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void open()}>
        <SecretFields creating={false} onChange={setSecret} />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="error" />}
        <Button type="primary" htmlType="submit" disabled={!secret} loading={busy} data-testid="open">
          {t.open}
        </Button>
      </Form>
    </Centered>
  );
}

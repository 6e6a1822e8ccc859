/** First run: create the encrypted workstation, then show the 三员's one-time passwords once. */
import { Alert, Button, Form, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { desktop, errorMessage } from '../../api/client.js';
import { useSession, type DesktopState } from '../../app/session.js';
import { Centered } from './Centered.js';
import type { Admin } from './CreatedAdmins.js';
import { SecretFields, type Secret } from './SecretFields.js';
import { sessionText } from './text.js';

const t = sessionText.firstRun;
const CreatedAdmins = lazy(() => import('./CreatedAdmins.js'));

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
      <Suspense fallback={<Spin />}>
        <CreatedAdmins admins={created.admins} onDone={() => session.set(created.state)} />
      </Suspense>
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

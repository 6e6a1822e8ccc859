/** Changing one's own password: forced at first login / expiry, or from the menu. */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { sessionText } from './text.js';

const t = sessionText.password;

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordForm(props: { onChanged?: () => void }) {
  const session = useSession();
  const restricted = session.state.user?.restricted ?? null;
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api['session.changePassword']({ current: v.current, next: v.next });
      setDone(true);
      form.resetFields();
      await session.refresh();
      props.onChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 420 }} requiredMark={false}>
      {restricted && <Alert type="warning" showIcon message={restricted === 'mustChangePassword' ? t.mustChange : t.expired} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t.rules}</Typography.Paragraph>
      <Form.Item name="current" label={t.current} rules={[{ required: true }]}>
        <Input.Password data-testid="current-password" />
      </Form.Item>
      <Form.Item name="next" label={t.next} rules={[{ required: true }]}>
        <Input.Password data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.confirm}
        dependencies={['next']}
        rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_r, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t.mismatch))) })]}
      >
        <Input.Password data-testid="confirm-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="error" />}
      {done && <Alert type="success" showIcon message={t.changed} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password">
        {t.submit}
      </Button>
    </Form>
  );
}

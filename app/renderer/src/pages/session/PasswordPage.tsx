/** The menu's 修改口令 page. */
import { Card } from 'antd';
import { ChangePasswordForm } from './ChangePassword.js';
import { sessionText } from './text.js';

export function PasswordPage() {
  return (
    <Card title={sessionText.password.title}>
      <ChangePasswordForm />
    </Card>
  );
}

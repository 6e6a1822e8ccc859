/**
 * After the first run: the 三员 and their one-time passwords, shown once. Loaded on demand (Root's
 * FirstRun imports it lazily): antd's Table brings Tree, Menu, Select and Pagination with it, which the
 * first screen of every start does not need.
 */
import { Alert, Button, Table, Typography } from 'antd';
import { Centered } from './Centered.js';
import { sessionText } from './text.js';

const t = sessionText.firstRun;

export type Admin = { username: string; roleName: string; initialPassword: string };

export default function CreatedAdmins(props: { admins: readonly Admin[]; onDone(): void }) {
  return (
    <Centered title={t.adminsTitle} width={640}>
      <Alert type="warning" showIcon message={t.adminsIntro} style={{ marginBottom: 16 }} />
      <Table
        data-testid="admins"
        rowKey="username"
        pagination={false}
        dataSource={[...props.admins]}
        columns={[
          { title: t.username, dataIndex: 'username' },
          { title: t.role, dataIndex: 'roleName' },
          { title: t.initialPassword, dataIndex: 'initialPassword', render: (p: string) => <Typography.Text code copyable={false}>{p}</Typography.Text> },
        ]}
      />
      <Button type="primary" style={{ marginTop: 16 }} onClick={props.onDone} data-testid="admins-done">
        {t.done}
      </Button>
    </Centered>
  );
}

/**
 * The 三员's duties on the dashboard: what waits for this account's role (accounts to create, roles to
 * grant, locked accounts, 保密责任书 to register or renew, the log to verify), each with a link to the
 * page where it is done.
 */
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { Role } from '../../../../domain/roles.js';
import { roleNames } from '../../../../domain/roles.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { localTime } from './format.js';
import { dashboardText as t } from './text.js';

type Duties = Awaited<ReturnType<QbankApi['overview.duties']>>;
type Duty = Duties['duties'][number];

const PATHS: Readonly<Record<Duty['page'], string>> = { accounts: '/admin/accounts', people: '/admin/people', audit: '/audit' };
const COLOURS: Readonly<Record<Duty['level'], string>> = { error: 'red', warning: 'orange', info: 'blue' };

export function DutiesCard(props: { roles: readonly Role[] }) {
  const loaded = useLoad(() => api['overview.duties']({}), []);
  const role = props.roles.find((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor');
  const duties = loaded.data?.duties ?? [];
  const log = loaded.data?.log ?? null;
  return (
    <Card title={role ? t.dutiesRole(roleNames[role]) : t.duties} loading={loaded.loading} data-testid="dashboard-duties">
      {loaded.error && <Alert type="error" showIcon title={loaded.error} action={<Button onClick={loaded.reload}>{t.retry}</Button>} />}
      {log && (
        <Typography.Paragraph data-testid="log-state">
          <Link to="/audit">{t.logState(log.entries, log.verifiedSeq, localTime(log.verifiedAt))}</Link>
        </Typography.Paragraph>
      )}
      {!loaded.error && duties.length === 0 ? (
        <Empty description={t.noDuties} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={[...duties]}
          renderItem={(d) => (
            <List.Item data-testid={`duty-${d.key}`} actions={[<Link key="go" to={PATHS[d.page]} testId={`duty-link-${d.key}`}>{t.goTo(t.pages[d.page])}</Link>]}>
              <Space>
                <Tag color={COLOURS[d.level]}>{t.levels[d.level]}</Tag>
                <Typography.Text>{d.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {role === 'secadmin' && loaded.data && <Typography.Text type="secondary">{t.pledgeWindow(loaded.data.pledgeWarningDays)}</Typography.Text>}
    </Card>
  );
}

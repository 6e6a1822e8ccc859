/**
 * The frame after login: the secrecy banner, the menu by role, the user with 锁定/退出, the page of
 * the current route, and the watermark whenever the page shows secret content.
 */
import { Alert, Button, Layout, Menu, Result, Space, Typography } from 'antd';
import { roleNames } from '../../../domain/roles.js';
import { desktop } from '../api/client.js';
import { matchPath, navigate, usePath } from './router.js';
import { mayOpen, ROUTES } from './routes.js';
import { SecrecyBanner } from './SecrecyBanner.js';
import { useHighestMark } from './secrecy.js';
import { useSession, useUser } from './session.js';
import { shellText } from './text.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { Watermark } from '../components/Watermark.js';
import { AirGapWatch } from '../pages/discs/AirGap.js';

function Page() {
  const path = usePath();
  const user = useUser();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (!mayOpen(route, user.roles)) {
      const roles = route.roles === 'any' ? '' : route.roles.map((r) => roleNames[r]).join('或');
      return <Result status="403" subTitle={shellText.forbidden(route.menu ?? path, roles)} />;
    }
    return <>{route.render(params)}</>;
  }
  return <Result status="404" subTitle={shellText.notFound} />;
}

export function Shell() {
  const session = useSession();
  const user = useUser();
  const path = usePath();
  const mark = useHighestMark();
  const visible = ROUTES.filter((r) => r.menu && mayOpen(r, user.roles));
  const item = (r: (typeof visible)[number]) => ({ key: r.path, label: r.menu, 'data-testid': `menu-${r.path}` });
  const items = [
    ...visible.filter((r) => !r.group).map(item),
    ...(visible.some((r) => r.group === 'admin') ? [{ type: 'group' as const, key: 'admin', label: shellText.menu.admin, children: visible.filter((r) => r.group === 'admin').map(item) }] : []),
  ];
  const selected = ROUTES.find((r) => r.menu && matchPath(r.path, path))?.path ?? '/';
  const roles = user.roles.map((r) => roleNames[r]).join('、');
  const restricted = user.restricted !== null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SecrecyBanner />
      <Layout>
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ padding: '16px 16px 8px', margin: 0 }}>
            {shellText.product}
          </Typography.Title>
          <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
            <Space>
              <Typography.Text data-testid="current-user">{shellText.user(user.displayName, roles)}</Typography.Text>
              <Button data-testid="lock" onClick={() => void desktop.lock().then(session.set)}>
                {shellText.lock}
              </Button>
              <Button data-testid="logout" onClick={() => void desktop.logout().then(session.set)}>
                {shellText.logout}
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 16 }}>
            {restricted && path !== '/password' ? (
              <Alert type="warning" showIcon message={shellText.menu.password} description={<Button onClick={() => navigate('/password')}>{shellText.menu.password}</Button>} />
            ) : (
              <ErrorBoundary resetKey={path}>
                <Page />
              </ErrorBoundary>
            )}
          </Layout.Content>
        </Layout>
      </Layout>
      <AirGapWatch />
      {mark && <Watermark text={(time) => shellText.watermark(`${user.displayName}(${user.username})`, time, session.state.workstationId ?? '')} />}
    </Layout>
  );
}

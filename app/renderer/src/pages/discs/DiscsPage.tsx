/**
 * 光盘与备份 (系统管理员, 安全保密管理员, 安全审计员, 题库管理员): the 存档 register of discs, the
 * recipient certificates (the 安全保密管理员 imports and retires them), backups (the 系统管理员), opening
 * a package with a key file, and importing a bank transfer (the 题库管理员). Each tab is offered to the
 * roles whose calls it makes; the tab is kept in the route's query (`?tab=open`).
 */
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../../../domain/roles.js';
import { navigate, queryOf, usePath } from '../../app/router.js';
import { useUser } from '../../app/session.js';
import { BackupTab } from './BackupTab.js';
import { DiscRegister } from './DiscRegister.js';
import { OpenPackageTab } from './OpenPackageTab.js';
import { RecipientsTab } from './RecipientsTab.js';
import { discsText } from './text.js';
import { TransferImportTab } from './TransferImportTab.js';

type DiscsTabKey = keyof typeof discsText.tabs;

const TABS: readonly { key: DiscsTabKey; roles: readonly Role[]; render(): ReactNode }[] = [
  { key: 'register', roles: ['sysadmin', 'secadmin', 'auditor', 'manager'], render: () => <DiscRegister /> },
  { key: 'recipients', roles: ['sysadmin', 'secadmin', 'auditor', 'manager'], render: () => <RecipientsTab /> },
  { key: 'backup', roles: ['sysadmin'], render: () => <BackupTab /> },
  { key: 'open', roles: ['sysadmin', 'secadmin', 'auditor', 'manager'], render: () => <OpenPackageTab /> },
  { key: 'transfer', roles: ['manager'], render: () => <TransferImportTab /> },
];

export function DiscsPage() {
  const user = useUser();
  const path = usePath();
  const tabs = TABS.filter((tab) => tab.roles.some((r) => user.roles.includes(r)));
  const asked = queryOf(path).get('tab');
  const active = tabs.find((tab) => tab.key === asked)?.key ?? tabs[0]?.key ?? 'register';
  return (
    <Card title={discsText.title} data-testid="discs-page">
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate(`/admin/discs?tab=${key}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`discs-tab-${tab.key}`}>{discsText.tabs[tab.key]}</span>, children: tab.render() }))}
      />
    </Card>
  );
}

/**
 * Every screen of the shell: its path pattern, menu place, the roles that see it, and what it
 * renders. The menu and the router both read this list.
 */
import type { ReactNode } from 'react';
import type { Role } from '../../../domain/roles.js';
import { AccessPage } from '../pages/admin/AccessPage.js';
import { AccountsPage } from '../pages/admin/AccountsPage.js';
import { CertificatesPage } from '../pages/admin/CertificatesPage.js';
import { PeoplePage } from '../pages/admin/PeoplePage.js';
import { PolicyPage } from '../pages/admin/PolicyPage.js';
import { AuditPage } from '../pages/audit/AuditPage.js';
import { BANK_TABS, BankPage, type BankTab } from '../pages/banks/BankPage.js';
import { CatalogPage } from '../pages/catalog/CatalogPage.js';
import { ConformancePage } from '../pages/conformance/ConformancePage.js';
import { conformanceText } from '../pages/conformance/text.js';
import { Dashboard } from '../pages/dashboard/Dashboard.js';
import { DestructionPage } from '../pages/destruction/DestructionPage.js';
import { destructionText } from '../pages/destruction/text.js';
import { DiscsPage } from '../pages/discs/DiscsPage.js';
import { discsText } from '../pages/discs/text.js';
import { PasswordPage } from '../pages/session/PasswordPage.js';
import { shellText } from './text.js';

export interface Route {
  readonly path: string;
  /** Menu label (absent: not in the menu). */
  readonly menu?: string;
  readonly group?: 'admin';
  /** Roles that may open it ('any': every logged-in account). */
  readonly roles: readonly Role[] | 'any';
  render(params: Record<string, string>): ReactNode;
}

const CONTENT: readonly Role[] = ['manager', 'author', 'reviewer'];
const m = shellText.menu;

export const ROUTES: readonly Route[] = [
  { path: '/', menu: m.dashboard, roles: 'any', render: () => <Dashboard /> },
  { path: '/catalog', menu: m.catalog, roles: ['manager', 'author', 'reviewer', 'sysadmin', 'secadmin'], render: () => <CatalogPage /> },
  {
    path: '/banks/:bankId/:tab',
    roles: CONTENT,
    render: (p) => <BankPage bankId={Number(p.bankId)} tab={(BANK_TABS as readonly string[]).includes(p.tab ?? '') ? (p.tab as BankTab) : 'items'} />,
  },
  { path: '/admin/accounts', menu: m.accounts, group: 'admin', roles: ['sysadmin', 'secadmin'], render: () => <AccountsPage /> },
  { path: '/admin/people', menu: m.people, group: 'admin', roles: ['secadmin', 'manager'], render: () => <PeoplePage /> },
  { path: '/admin/access', menu: m.access, group: 'admin', roles: ['secadmin', 'manager'], render: () => <AccessPage /> },
  { path: '/admin/certificates', menu: m.certificates, group: 'admin', roles: ['secadmin'], render: () => <CertificatesPage /> },
  { path: '/admin/policy', menu: m.policy, group: 'admin', roles: ['secadmin', 'auditor'], render: () => <PolicyPage /> },
  { path: '/admin/destruction', menu: destructionText.menu, group: 'admin', roles: ['secadmin', 'auditor'], render: () => <DestructionPage /> },
  { path: '/admin/conformance', menu: conformanceText.menu, group: 'admin', roles: ['secadmin', 'auditor'], render: () => <ConformancePage /> },
  { path: '/admin/discs', menu: discsText.menu, group: 'admin', roles: ['sysadmin', 'secadmin', 'auditor', 'manager'], render: () => <DiscsPage /> },
  { path: '/audit', menu: m.audit, group: 'admin', roles: ['auditor'], render: () => <AuditPage /> },
  { path: '/password', menu: m.password, roles: 'any', render: () => <PasswordPage /> },
];

export function mayOpen(route: Route, roles: readonly Role[]): boolean {
  return route.roles === 'any' || route.roles.some((r) => roles.includes(r));
}

/**
 * 三员分立 made visible: each role, its duty and the roles it may not be combined with — read from
 * the domain's list of forbidden pairs (the same one `accounts.grantRoles` and the database enforce).
 */
import { Card, Space, Table, Tag, Typography } from 'antd';
import { ADMIN_ROLES, FORBIDDEN_ROLE_PAIRS } from '../../../../domain/account.js';
import { ROLES, roleNames, type Role } from '../../../../domain/roles.js';
import { adminText } from './text.js';

const t = adminText.separation;

/** The roles `role` may not be combined with. */
export function exclusiveWith(role: Role): Role[] {
  return ROLES.filter((other) => FORBIDDEN_ROLE_PAIRS.some(([a, b]) => (a === role && b === other) || (b === role && a === other)));
}

export function RoleTag(props: { role: Role; closable?: boolean; onClose?: () => void }) {
  return (
    <Tag color={(ADMIN_ROLES as readonly Role[]).includes(props.role) ? 'volcano' : 'geekblue'} closable={props.closable} onClose={(e) => {
        e.preventDefault();
        props.onClose?.();
      }}>
      {roleNames[props.role]}
    </Tag>
  );
}

export function RoleSeparation() {
  return (
    <Card size="small" title={t.title} data-testid="role-separation">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => r}
        pagination={false}
        dataSource={[...ROLES]}
        columns={[
          { title: t.role, width: 140, render: (_: unknown, r: Role) => <RoleTag role={r} /> },
          { title: t.duty, render: (_: unknown, r: Role) => t.duties[r] },
          {
            title: t.excludes,
            render: (_: unknown, r: Role) => (
              <Space size={[2, 2]} wrap>
                {exclusiveWith(r).map((o) => (
                  <Tag key={o}>{roleNames[o]}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

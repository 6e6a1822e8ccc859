/**
 * 工作台: for the bank's people, their banks with what blocks each next step; for the 三员, their duties
 * (and, for the 系统管理员 and 安全保密管理员, the banks as far as they may see them). Counts only — no
 * item content, so no secrecy mark on this screen.
 */
import { Alert, Space, Typography } from 'antd';
import { useUser } from '../../app/session.js';
import { BankRows } from './BankRows.js';
import { DutiesCard } from './DutiesCard.js';
import { dashboardText as t } from './text.js';

export function Dashboard() {
  const { roles } = useUser();
  const admin = roles.some((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor');
  const seesBanks = roles.some((r) => r !== 'auditor');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      {roles.length === 0 && <Alert type="info" showIcon title={t.noRoles} />}
      {admin && <DutiesCard roles={roles} />}
      {seesBanks && <BankRows roles={roles} />}
    </Space>
  );
}

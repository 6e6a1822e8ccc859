/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function AuditPage() {
  return <Empty description="审计日志" />;
}

/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function AccountsPage() {
  return <Empty description="账号" />;
}

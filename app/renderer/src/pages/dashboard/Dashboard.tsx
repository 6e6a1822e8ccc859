/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function Dashboard() {
  return <Empty description="工作台" />;
}

/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function PolicyPage() {
  return <Empty description="安全策略" />;
}

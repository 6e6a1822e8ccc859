/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function AccessPage() {
  return <Empty description="题库授权" />;
}

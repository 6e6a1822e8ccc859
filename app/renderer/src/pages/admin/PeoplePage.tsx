/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function PeoplePage() {
  return <Empty description="涉密人员" />;
}

/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function ElementsTab(_props: { bankId: number }) {
  return <Empty description="细目表" />;
}

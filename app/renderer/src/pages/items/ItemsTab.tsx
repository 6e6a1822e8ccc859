/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function ItemsTab(_props: { bankId: number }) {
  return <Empty description="试题" />;
}

/** Placeholder until this screen lands (GUI issue); replaced by its own component. */
import { Empty } from 'antd';

export function CatalogPage() {
  return <Empty description="职业目录" />;
}

/** One bank: its name and level, and a tab per step of the work (细目表 → 试题 → 导入 → 组卷 → 申报材料 → 审核). */
import { Alert, Card, Space, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { AssemblyTab } from '../assembly/AssemblyTab.js';
import { DocumentsTab } from '../documents/DocumentsTab.js';
import { ElementsTab } from '../elements/ElementsTab.js';
import { ImportTab } from '../import/ImportTab.js';
import { ItemsTab } from '../items/ItemsTab.js';
import { ReviewTab } from '../review/ReviewTab.js';
import { DiscsTab } from '../discs/DiscsTab.js';
import { ResultsTab } from '../results/ResultsTab.js';
import { useUser } from '../../app/session.js';
import { bankTitle } from '../../../../domain/bank.js';
import { secrecyMark } from '../../../../domain/secrecy.js';
import { bankText } from './text.js';

export const BANK_TABS = ['elements', 'items', 'import', 'assembly', 'documents', 'review', 'results', 'discs'] as const;
export type BankTab = (typeof BANK_TABS)[number];

const content: Record<BankTab, (bankId: number) => ReactNode> = {
  elements: (id) => <ElementsTab bankId={id} />,
  items: (id) => <ItemsTab bankId={id} />,
  import: (id) => <ImportTab bankId={id} />,
  assembly: (id) => <AssemblyTab bankId={id} />,
  documents: (id) => <DocumentsTab bankId={id} />,
  review: (id) => <ReviewTab bankId={id} />,
  results: (id) => <ResultsTab bankId={id} />,
  discs: (id) => <DiscsTab bankId={id} />,
};

export function BankPage(props: { bankId: number; tab: BankTab }) {
  const banks = useLoad(() => api['banks.list']({}), []);
  const user = useUser();
  const bank = banks.data?.find((b) => b.id === props.bankId);
  if (banks.error) return <Alert type="error" showIcon message={banks.error} />;
  if (!banks.loading && !bank) return <Alert type="error" showIcon message={bankText.unknown(props.bankId)} action={<Link to="/">{bankText.back}</Link>} />;
  return (
    <Card
      title={
        bank && (
          <Space>
            <Typography.Text strong data-testid="bank-title">
              {bankTitle(bank)}（{bank.occupationCode}）
            </Typography.Text>
            <Tag color="red">{bankText.secrecy(secrecyMark(bank.secrecy))}</Tag>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={props.tab}
        destroyOnHidden
        onChange={(key) => navigate(`/banks/${props.bankId}/${key}`)}
        items={BANK_TABS.filter((key) => key !== 'discs' || user.roles.includes('manager')).map((key) => ({ key, label: bankText.tabs[key], children: content[key](props.bankId) }))}
      />
    </Card>
  );
}

/**
 * The bank's import tab: the import wizard (file → dry run → import → report), the review of the
 * bank's duplicates, the coverage of its 细目表 for N parallel sets and the QTI 2.1 exchange, as sub-tabs. The bank's
 * summary gives what the screens need of it: whether it is a sample bank (入库 on import) and its
 * secrecy level (the mark of the views that show items).
 */
import { Alert, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { CoverageView } from './CoverageView.js';
import { DuplicatesReview } from './DuplicatesReview.js';
import { ImportWizard } from './ImportWizard.js';
import { QtiExchange } from './QtiExchange.js';
import { importText } from './text.js';

const t = importText;

export function ImportTab(props: { bankId: number }) {
  const summary = useLoad(() => api['banks.summary']({ bankId: props.bankId }), [props.bankId]);
  // the wizard keeps its state across the sub-tabs; the coverage is read again at every visit
  const [visits, setVisits] = useState(0);
  const [active, setActive] = useState('wizard');
  if (summary.error) return <Alert type="error" showIcon title={summary.error} />;
  const bank = summary.data?.bank;
  if (!bank) return <Spin description={t.loading} />;
  // a hidden sub-tab shows nothing: only the active one declares its secret content
  const markOf = (key: string) => (key === active ? bank.secrecy.level : null);
  return (
    <Tabs
      data-testid="import-tab"
      activeKey={active}
      onChange={(key) => {
        setActive(key);
        setVisits((v) => v + 1);
      }}
      items={[
        { key: 'wizard', label: t.tabs.wizard, children: <ImportWizard bankId={bank.id} isSample={bank.isSample} mark={markOf('wizard')} /> },
        { key: 'duplicates', label: <span data-testid="tab-duplicates">{t.tabs.duplicates}</span>, children: <DuplicatesReview bankId={bank.id} mark={markOf('duplicates')} /> },
        { key: 'coverage', label: <span data-testid="tab-coverage">{t.tabs.coverage}</span>, children: <CoverageView bankId={bank.id} visit={visits} /> },
        { key: 'qti', label: <span data-testid="tab-qti">{t.tabs.qti}</span>, children: <QtiExchange bankId={bank.id} /> },
      ]}
    />
  );
}

/**
 * The bank's 细目表 and 内容结构表 tab: the two tables (each with its import, blank template and
 * in-place editing) and the export of both as xlsx into a folder the user picks. Who may change them
 * is the service's decision (the bank's 题库管理员): a refusal is shown in its words.
 */
import { Alert, Button, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { shellText } from '../../app/text.js';
import { OutcomeAlert, writeToChosenFolder, type Outcome } from './files.js';
import { PracticalPanel } from './PracticalPanel.js';
import { loadTables } from './source.js';
import { elementsText } from './text.js';
import { TheoryPanel } from './TheoryPanel.js';

const t = elementsText;

function ExportButton(props: { bankId: number; disabled: boolean; setOutcome: (o: Outcome) => void }) {
  const [busy, setBusy] = useState(false);
  const setOutcome = props.setOutcome;
  const run = async () => {
    setBusy(true);
    try {
      const done = await writeToChosenFolder((outDir) => api['banks.exportElementTables']({ bankId: props.bankId, outDir }));
      if (done) setOutcome(done);
    } catch (e) {
      setOutcome({ type: 'error', title: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button data-testid="export-tables" loading={busy} disabled={props.disabled} onClick={() => void run()}>
      {busy ? t.actions.exporting : t.actions.export}
    </Button>
  );
}

export function ElementsTab(props: { bankId: number }) {
  const tables = useLoad(() => loadTables(props.bankId), [props.bankId]);
  const [tab, setTab] = useState<'theory' | 'practical'>('theory');
  const [exported, setExported] = useState<Outcome | null>(null);
  if (tables.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={tables.error}
        action={
          <Button size="small" onClick={tables.reload}>
            {shellText.retry}
          </Button>
        }
      />
    );
  }
  const data = tables.data;
  if (!data) return <Spin description={t.loading} data-testid="elements-loading" />;
  const bank = data.summary.bank;
  const nothing = data.summary.elementTable === null && data.summary.practicalStructure === null;
  return (
    <div data-testid="elements-tab">
      <OutcomeAlert outcome={exported} testId="export-outcome" />
      <Tabs
        tabBarExtraContent={<ExportButton bankId={bank.id} disabled={nothing} setOutcome={setExported} />}
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          { key: 'theory', label: t.theoryTab, children: <TheoryPanel bank={bank} stored={data.theory} reload={tables.reload} /> },
          { key: 'practical', label: <span data-testid="tab-practical">{t.practicalTab}</span>, children: <PracticalPanel bank={bank} tables={data} reload={tables.reload} /> },
        ]}
      />
    </div>
  );
}

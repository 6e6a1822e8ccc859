/**
 * The bank's 理论知识考核要素细目表: the stored version as a tree, its import from xlsx, the blank
 * template, and editing in place — 比重, names and X/Y/Z — with the domain's checks live (比重 add up
 * to their parent and to 100, the usual X/Y/Z shares), saved as a new version by banks.setElementTable.
 */
import { Button, Empty, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { elementTableRules, elementTableStats, IMPORTANCE_LIMITS, MAX_SCOPE_DEPTH, theoryElementTableSchema, type TheoryElementTable } from '../../../../domain/element-table.js';
import { validate } from '../../../../domain/validation.js';
import { api, errorMessage } from '../../api/client.js';
import { Checks, problemsOf } from './Checks.js';
import { OutcomeAlert, savedOutcome, writeToChosenFolder, XlsxButton, type Outcome } from './files.js';
import type { BankRecord } from './source.js';
import { elementsText } from './text.js';
import { TheoryTree } from './TheoryTree.js';
import { scopeKeys, treeRows } from './theory-tree.js';

const t = elementsText;
const WHAT = t.theoryTab;

function Shares(props: { table: TheoryElementTable }) {
  const { shares, counts, elements } = elementTableStats(props.table);
  const color = (ok: boolean) => (ok ? 'green' : 'orange');
  return (
    <Space wrap data-testid="theory-shares">
      <Typography.Text>{t.theory.summary(elements, `(${counts.X}:${counts.Y}:${counts.Z})`)}</Typography.Text>
      <Typography.Text type="secondary">{t.checks.sharesTitle}</Typography.Text>
      <Tag color={color(shares.X >= IMPORTANCE_LIMITS.minX)}>X {shares.X}%</Tag>
      <Tag color={color(shares.Y <= IMPORTANCE_LIMITS.maxY)}>Y {shares.Y}%</Tag>
      <Tag color={color(shares.Z <= IMPORTANCE_LIMITS.maxZ)}>Z {shares.Z}%</Tag>
    </Space>
  );
}

export function TheoryPanel(props: { bank: BankRecord; stored: { version: number; table: TheoryElementTable } | null; reload: () => void }) {
  const { bank, stored } = props;
  const [draft, setDraft] = useState<TheoryElementTable | null>(null);
  const [busy, setBusy] = useState<'import' | 'save' | 'template' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = draft ?? stored?.table ?? null;
  const [expanded, setExpanded] = useState<string[]>([]);
  // each stored version opens fully expanded, down to its 鉴定点
  useEffect(() => setExpanded(stored ? scopeKeys(treeRows(stored.table), MAX_SCOPE_DEPTH) : []), [stored]);
  const checked = shown ? validate(theoryElementTableSchema, shown, elementTableRules) : null;
  const problems = checked ? problemsOf(checked) : [];

  const act = async (kind: NonNullable<typeof busy>, work: () => Promise<Outcome | null>) => {
    setBusy(kind);
    try {
      const result = await work();
      if (result) setOutcome(result);
    } catch (e) {
      setOutcome({ type: 'error', title: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };
  const importFile = (_name: string, bytes: Uint8Array<ArrayBuffer>) =>
    void act('import', async () => {
      const saved = await api['banks.importElementTable']({ bankId: bank.id, bytes });
      setDraft(null);
      props.reload();
      return savedOutcome(t.files.imported(WHAT, saved.version), saved.warnings);
    });
  const save = () =>
    void act('save', async () => {
      const saved = await api['banks.setElementTable']({ bankId: bank.id, table: draft });
      setDraft(null);
      props.reload();
      return savedOutcome(t.files.saved(WHAT, saved.version), saved.warnings);
    });
  const template = () => void act('template', () => writeToChosenFolder(async (outDir) => [await api['templates.elements']({ outDir })]));
  const errors = problems.filter((p) => p.severity === 'error').length;

  return (
    <div data-testid="theory-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        {stored && <Tag data-testid="theory-version">{t.version(stored.version)}</Tag>}
        <XlsxButton testId="import-theory" busy={busy === 'import'} disabled={draft !== null} onFile={importFile}>
          {t.actions.import}
        </XlsxButton>
        <Button loading={busy === 'template'} onClick={template} data-testid="template-theory">
          {t.actions.template}
        </Button>
        {shown && draft === null && (
          <Button data-testid="edit-theory" onClick={() => setDraft(stored?.table ?? null)}>
            {t.actions.edit}
          </Button>
        )}
        {draft && (
          <>
            <Button type="primary" data-testid="save-theory" disabled={errors > 0} loading={busy === 'save'} onClick={save}>
              {t.actions.save}
            </Button>
            <Button data-testid="cancel-theory" onClick={() => setDraft(null)}>
              {t.actions.cancel}
            </Button>
          </>
        )}
        {shown && (
          <>
            <Button type="link" onClick={() => setExpanded(scopeKeys(treeRows(shown), MAX_SCOPE_DEPTH))}>
              {t.actions.expandAll}
            </Button>
            <Button type="link" onClick={() => setExpanded([])}>
              {t.actions.collapseAll}
            </Button>
          </>
        )}
      </Space>
      <OutcomeAlert outcome={outcome} testId="theory-outcome" />
      {shown ? (
        <>
          <Checks problems={problems} extra={<Shares table={shown} />} />
          <TheoryTree table={shown} {...(draft ? { onChange: setDraft } : {})} expanded={expanded} onExpand={setExpanded} />
        </>
      ) : (
        <Empty data-testid="theory-empty" description={t.empty.theory} />
      )}
    </div>
  );
}

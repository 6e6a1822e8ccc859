/**
 * The bank's 技能考核内容结构表: its 职业功能 and, per level, each one's 选考方式, 鉴定比重, 考试时间
 * and 考核形式, with what a candidate takes (必考 + 选考数量) added up; import from xlsx, the blank
 * template, and editing in place with the domain's checks live (比重 of what a candidate takes add up
 * to 100, 选考 weights equal), saved as a new version by banks.setPracticalStructure.
 */
import { Button, Card, Empty, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { levelName, type Level } from '../../../../domain/level.js';
import {
  ASSESSMENT_FORMS,
  levelTotals,
  practicalStructureRules,
  practicalStructureSchema,
  SELECTION_MODES,
  type PracticalStructure,
  type StructureEntry,
  type StructureLevel,
} from '../../../../domain/practical-structure.js';
import { validate } from '../../../../domain/validation.js';
import { api, errorMessage } from '../../api/client.js';
import { Checks, problemsOf } from './Checks.js';
import { OutcomeAlert, savedOutcome, writeToChosenFolder, XlsxButton, type Outcome } from './files.js';
import { levelsInOrder, updateEntry, updateModuleName, updateSelectCount } from './practical-edit.js';
import type { BankRecord, StoredTables } from './source.js';
import { elementsText } from './text.js';

const t = elementsText;
const c = t.practical.columns;
type Edit = ((s: PracticalStructure) => void) | undefined;

function LevelCard(props: { s: PracticalStructure; level: StructureLevel; bankLevel: number; onChange: Edit }) {
  const { s, level, onChange } = props;
  const names = new Map(s.modules.map((m) => [m.code, m.name]));
  const totals = levelTotals(level);
  const entry = (e: StructureEntry, patch: Partial<Omit<StructureEntry, 'module'>>) => onChange?.(updateEntry(s, level.level, e.module, patch));
  const num = (v: number | string | null) => (typeof v === 'number' ? v : 0);
  const title = `${levelName(level.level as Level)}${level.level === props.bankLevel ? t.practical.bankLevel : ''}`;
  return (
    <Card size="small" title={title} data-testid={`structure-level-${level.level}`} style={{ marginBottom: 12 }}>
      <Table<StructureEntry>
        size="small"
        bordered
        rowKey="module"
        pagination={false}
        dataSource={level.entries}
        columns={[
          { title: c.module, render: (_: unknown, e) => `${e.module} ${names.get(e.module) ?? ''}` },
          {
            title: c.mode,
            render: (_: unknown, e) =>
              onChange ? <Radio.Group size="small" optionType="button" value={e.mode} options={[...SELECTION_MODES]} onChange={(ev) => entry(e, { mode: ev.target.value as StructureEntry['mode'] })} /> : e.mode,
          },
          {
            title: c.weight,
            render: (_: unknown, e) =>
              onChange ? <InputNumber data-testid={`structure-weight-${level.level}-${e.module}`} size="small" min={0} max={100} value={e.weight} onChange={(v) => entry(e, { weight: num(v) })} /> : e.weight,
          },
          {
            title: c.minutes,
            render: (_: unknown, e) => (onChange ? <InputNumber size="small" min={1} max={600} precision={0} value={e.minutes} onChange={(v) => entry(e, { minutes: num(v) })} /> : e.minutes),
          },
          {
            title: c.form,
            render: (_: unknown, e) =>
              onChange ? <Radio.Group size="small" optionType="button" value={e.form} options={[...ASSESSMENT_FORMS]} onChange={(ev) => entry(e, { form: ev.target.value as StructureEntry['form'] })} /> : e.form,
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <span>{t.practical.selectCount}</span>
        {onChange ? (
          <InputNumber size="small" min={0} precision={0} value={level.selectCount} onChange={(v) => onChange(updateSelectCount(s, level.level, num(v)))} />
        ) : (
          <span>{level.selectCount}</span>
        )}
        <Typography.Text type={totals.weight === 100 ? undefined : 'danger'} data-testid={`structure-totals-${level.level}`}>
          {t.practical.totals(totals.modules, totals.weight, totals.minutes)}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function Modules(props: { s: PracticalStructure; onChange: Edit }) {
  const { s, onChange } = props;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <strong>{t.practical.modules}：</strong>
      {s.modules.map((m) =>
        onChange ? (
          <Input key={m.code} size="small" prefix={`${m.code}.`} value={m.name} maxLength={60} onChange={(e) => onChange(updateModuleName(s, m.code, e.target.value))} style={{ width: 220 }} />
        ) : (
          <Tag key={m.code}>{`${m.code}. ${m.name}`}</Tag>
        ),
      )}
    </Space>
  );
}

export function PracticalPanel(props: { bank: BankRecord; tables: StoredTables; reload: () => void }) {
  const { bank, tables } = props;
  const stored = tables.practical;
  const [draft, setDraft] = useState<PracticalStructure | null>(null);
  const [busy, setBusy] = useState<'import' | 'save' | 'template' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = draft ?? stored?.structure ?? null;
  const problems = shown ? problemsOf(validate(practicalStructureSchema, shown, practicalStructureRules)) : [];
  const errors = problems.filter((p) => p.severity === 'error').length;
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
  const finish = (version: number, warnings: Parameters<typeof savedOutcome>[1], saved: boolean) => {
    setDraft(null);
    props.reload();
    return savedOutcome(saved ? t.files.saved(t.practicalTab, version) : t.files.imported(t.practicalTab, version), warnings);
  };
  const importFile = (_name: string, bytes: Uint8Array<ArrayBuffer>) =>
    void act('import', async () => {
      const r = await api['banks.importPracticalStructure']({ bankId: bank.id, bytes });
      return finish(r.version, r.warnings, false);
    });
  const save = () =>
    void act('save', async () => {
      const r = await api['banks.setPracticalStructure']({ bankId: bank.id, structure: draft });
      return finish(r.version, r.warnings, true);
    });
  const template = () => void act('template', () => writeToChosenFolder(async (outDir) => [await api['templates.structure']({ outDir })]));
  const summary = tables.summary.practicalStructure;

  return (
    <div data-testid="practical-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        {summary && <Tag data-testid="practical-version">{t.version(summary.version)}</Tag>}
        <XlsxButton testId="import-practical" busy={busy === 'import'} disabled={draft !== null} onFile={importFile}>
          {t.actions.import}
        </XlsxButton>
        <Button loading={busy === 'template'} onClick={template} data-testid="template-practical">
          {t.actions.template}
        </Button>
        {stored && draft === null && (
          <Button data-testid="edit-practical" onClick={() => setDraft(stored.structure)}>
            {t.actions.edit}
          </Button>
        )}
        {draft && (
          <>
            <Button type="primary" data-testid="save-practical" disabled={errors > 0} loading={busy === 'save'} onClick={save}>
              {t.actions.save}
            </Button>
            <Button onClick={() => setDraft(null)}>{t.actions.cancel}</Button>
          </>
        )}
      </Space>
      <OutcomeAlert outcome={outcome} testId="practical-outcome" />
      {shown ? (
        <>
          <Checks problems={problems} />
          <Modules s={shown} onChange={draft ? setDraft : undefined} />
          {levelsInOrder(shown, bank.level).map((level) => (
            <LevelCard key={level.level} s={shown} level={level} bankLevel={bank.level} onChange={draft ? setDraft : undefined} />
          ))}
        </>
      ) : (
        <Empty data-testid="practical-empty" description={t.empty.practical} />
      )}
    </div>
  );
}

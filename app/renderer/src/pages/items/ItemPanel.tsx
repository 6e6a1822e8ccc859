/**
 * One item in a side panel: opened with `items.get` (a 调阅, so the view is marked secret: banner
 * and watermark), its lint findings (`lint.item`), the editor (save = a new version), the preview as
 * printed, the history with the diff, and the workflow steps. After a change the list's row is
 * updated from the item's new summary — no reload of the whole catalogue.
 */
import { Alert, App, Drawer, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Role } from '../../../../domain/roles.js';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSecretView } from '../../app/secrecy.js';
import { comprehensiveToForm, practicalToForm, theoryToForm } from './forms.js';
import { ItemEditor, type EditorValues } from './ItemEditor.js';
import { ItemHistory } from './ItemHistory.js';
import { ItemPreview } from './ItemPreview.js';
import { type ItemRecord, type ItemRow, type LintFinding } from './model.js';
import { itemsText } from './text.js';
import { WorkflowBar } from './WorkflowBar.js';

const t = itemsText.panel;

export const mayEdit = (roles: readonly Role[]): boolean => roles.includes('manager') || roles.includes('author');

export const panelWidth = (): number => Math.max(720, Math.min(1180, window.innerWidth - 160));

function formOf(record: ItemRecord): EditorValues {
  if (record.kind === 'theory') return theoryToForm(record.body);
  if (record.kind === 'practical') return practicalToForm(record.body);
  return comprehensiveToForm(record.body);
}

export interface PanelProps {
  readonly bankId: number;
  readonly itemId: number;
  readonly mark: SecrecyLevel;
  readonly roles: readonly Role[];
  readonly elements: readonly string[];
  readonly modules: readonly string[];
  onClose(): void;
  onChanged(row: ItemRow, title?: string, findings?: readonly LintFinding[]): void;
  /** The item's lint findings once loaded (the list shows their count). */
  onFindings(id: number, findings: readonly LintFinding[]): void;
}

function Body(props: PanelProps & { record: ItemRecord; findings: readonly LintFinding[] | undefined; reload(): void }) {
  const { message } = App.useApp();
  const { record } = props;
  const [draft, setDraft] = useState<Record<string, unknown> | null>(null);
  const [tab, setTab] = useState('edit');
  useEffect(() => setDraft(null), [record]);
  const initial = useMemo(() => formOf(record), [record]);
  const canEdit = mayEdit(props.roles) && record.state !== '停用';

  const save = async (body: Record<string, unknown>, note: string) => {
    const saved = await api['items.save']({ bankId: props.bankId, itemId: record.id, item: body, note, kind: record.kind });
    void message.success(itemsText.edit.saved(saved.version));
    // the list's row: the new summary and 题干摘要; the findings follow when the panel reloads
    const history = await api['items.history']({ bankId: props.bankId, itemId: record.id });
    props.onChanged(history.item, String(body.stem ?? body.title ?? ''));
    props.reload();
  };
  const moved = (row: ItemRow) => {
    props.onChanged(row);
    props.reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap data-testid="item-meta" data-state={record.state} data-version={record.version}>
        <Tag>{itemsText.types[record.type]}</Tag>
        {record.binding && <Tag>{record.binding}</Tag>}
        <Tag color="blue" data-testid="item-state">
          {record.state}
        </Tag>
        <Tag data-testid="item-version">{t.version(record.version)}</Tag>
        <WorkflowBar bankId={props.bankId} item={record} roles={props.roles} onMoved={moved} />
      </Space>
      {!mayEdit(props.roles) && <Alert type="info" showIcon title={t.readOnly} data-testid="read-only" />}
      {mayEdit(props.roles) && record.state === '停用' && <Alert type="warning" showIcon title={t.retired} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'edit',
            label: t.tabs.edit,
            forceRender: true,
            children: (
              <ItemEditor
                key={`${record.id}-${record.version}-${record.state}`}
                bankId={props.bankId}
                kind={record.kind}
                initial={initial}
                findings={props.findings}
                canEdit={canEdit}
                isNew={false}
                elements={props.elements}
                modules={props.modules}
                onSubmit={save}
                onDraft={setDraft}
              />
            ),
          },
          { key: 'preview', label: <span data-testid="tab-preview">{t.tabs.preview}</span>, children: <ItemPreview bankId={props.bankId} kind={record.kind} body={draft ?? record.body} /> },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t.tabs.history}</span>,
            children: tab === 'history' && <ItemHistory bankId={props.bankId} itemId={record.id} version={record.version} />,
          },
        ]}
      />
    </Space>
  );
}

export function ItemPanel(props: PanelProps) {
  useSecretView(props.mark);
  const [tick, setTick] = useState(0);
  const record = useLoad(() => api['items.get']({ bankId: props.bankId, itemId: props.itemId }), [props.bankId, props.itemId, tick]);
  const lint = useLoad(() => api['lint.item']({ bankId: props.bankId, itemId: props.itemId }), [props.bankId, props.itemId, tick]);
  const current = record.data?.id === props.itemId ? record.data : undefined;
  const findings = lint.data?.itemId === props.itemId ? lint.data.findings : undefined;
  const { onFindings, itemId } = props;
  useEffect(() => {
    if (findings) onFindings(itemId, findings);
  }, [findings, itemId, onFindings]);
  return (
    <Drawer open size={panelWidth()} title={<span data-testid="item-title">{t.title(props.itemId)}</span>} onClose={props.onClose} destroyOnHidden data-testid="item-panel">
      {record.error && <Alert type="error" showIcon title={record.error} data-testid="item-error" />}
      {!current && !record.error && <Spin description={t.loading} />}
      {current && (
        <Body
          {...props}
          record={current}
          findings={findings}
          reload={() => setTick((x) => x + 1)}
        />
      )}
    </Drawer>
  );
}

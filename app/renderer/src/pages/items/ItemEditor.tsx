/**
 * The editor of an item of any kind (antd Form): the kind's fields with their lint findings, the
 * findings no field shows above them, a 修改说明 and 保存 — absent for a reviewer (read-only form). The
 * service checks the body; a refusal shows its Chinese message as it is.
 */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { TheoryItemType } from '../../../../domain/theory-item.js';
import { errorMessage } from '../../api/client.js';
import { ComprehensiveFields, comprehensiveShown } from './ComprehensiveFields.js';
import { FindingsSummary } from './Findings.js';
import {
  formToComprehensive,
  formToPractical,
  formToTheory,
  type ComprehensiveForm,
  type ItemKind,
  type PracticalForm,
  type TheoryForm,
} from './forms.js';
import type { LintFinding } from './model.js';
import { PracticalFields, practicalShown } from './PracticalFields.js';
import { TheoryFields, theoryShown } from './TheoryFields.js';
import { itemsText } from './text.js';

const t = itemsText.edit;

export type EditorValues = TheoryForm | PracticalForm | ComprehensiveForm;

/** The body the services take, from the form's values. */
export function bodyOf(kind: ItemKind, values: EditorValues): Record<string, unknown> {
  if (kind === 'theory') return formToTheory(values as TheoryForm);
  if (kind === 'practical') return formToPractical(values as PracticalForm);
  return formToComprehensive(values as ComprehensiveForm);
}

const SHOWN = { theory: theoryShown, practical: practicalShown, comprehensive: comprehensiveShown } as const;

export interface ItemEditorProps {
  readonly bankId: number;
  readonly kind: ItemKind;
  readonly initial: EditorValues;
  /** Lint findings of the saved version (undefined: not loaded, or a new item). */
  readonly findings: readonly LintFinding[] | undefined;
  readonly canEdit: boolean;
  readonly isNew: boolean;
  /** Known 鉴定点 codes and 职业功能 letters for the inputs' suggestions. */
  readonly elements: readonly string[];
  readonly modules: readonly string[];
  onSubmit(body: Record<string, unknown>, note: string): Promise<void>;
  /** The body as edited, for the preview. */
  onDraft?(body: Record<string, unknown>): void;
}

export function ItemEditor(props: ItemEditorProps) {
  const [form] = Form.useForm<EditorValues & { note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const findings = props.findings ?? [];
  const disabled = !props.canEdit;
  const fieldsProps = { bankId: props.bankId, findings, disabled };

  const submit = async (values: EditorValues & { note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(bodyOf(props.kind, values), values.note ?? '');
      form.setFieldValue('note', '');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={props.initial}
      onFinish={(v) => void submit(v)}
      onValuesChange={(_changed, all) => props.onDraft?.(bodyOf(props.kind, all))}
      data-testid="item-editor"
    >
      {!props.isNew && <FindingsSummary findings={props.findings} shown={SHOWN[props.kind]} />}
      {props.kind === 'theory' && <TheoryFields {...fieldsProps} type={(props.initial as TheoryForm).type as TheoryItemType} elements={props.elements} />}
      {props.kind === 'practical' && <PracticalFields {...fieldsProps} modules={props.modules} />}
      {props.kind === 'comprehensive' && <ComprehensiveFields {...fieldsProps} />}
      {props.canEdit && !props.isNew && (
        <Form.Item name="note" label={t.note}>
          <Input data-testid="edit-note" placeholder={t.notePlaceholder} maxLength={200} />
        </Form.Item>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="save-error" style={{ marginBottom: 12 }} />}
      {props.canEdit && (
        <Button type="primary" htmlType="submit" loading={busy} data-testid="item-save">
          {props.isNew ? t.add : t.save}
        </Button>
      )}
    </Form>
  );
}

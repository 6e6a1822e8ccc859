/**
 * The workflow steps an item's state allows to the user's roles (app/domain/workflow.ts), each with a
 * comment. The four-eyes rule and a missing required comment are the service's to judge: a refusal
 * shows its Chinese message in the dialog, and the item stays where it was.
 */
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../domain/roles.js';
import { TRANSITIONS, type Transition } from '../../../../domain/workflow.js';
import { api, errorMessage } from '../../api/client.js';
import type { ItemRow } from './model.js';
import { itemsText } from './text.js';

const t = itemsText.workflow;

/** The steps from this state that one of these roles may take. */
export function stepsFor(state: ItemRow['state'], roles: readonly Role[]): Transition[] {
  return TRANSITIONS.filter((x) => x.from === state && x.onEvidence !== true && x.roles.some((r) => roles.includes(r)));
}

function StepDialog(props: { bankId: number; item: ItemRow; step: Transition; onClose(): void; onMoved(row: ItemRow): void }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { step, item } = props;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const row = await api['items.transition']({ bankId: props.bankId, itemId: item.id, to: step.to, comment, from: [step.from] });
      void message.success(t.done(step.verb, row.state));
      props.onMoved(row);
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t.title(step.verb, item.id)}
      okText={t.ok}
      onOk={() => void run()}
      confirmLoading={busy}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': 'workflow-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{step.commentRequired ? t.commentRequired : t.commentOptional}</Typography.Paragraph>
      <Input.TextArea data-testid="workflow-comment" placeholder={t.comment} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} rows={3} />
      {error && <Alert type="error" showIcon title={error} data-testid="workflow-error" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

export function WorkflowBar(props: { bankId: number; item: ItemRow; roles: readonly Role[]; onMoved(row: ItemRow): void }) {
  const [step, setStep] = useState<Transition | null>(null);
  const steps = stepsFor(props.item.state, props.roles);
  return (
    <Space wrap data-testid="workflow">
      {steps.map((s) => (
        <Button key={`${s.from}-${s.to}`} data-testid={`workflow-${s.to}`} onClick={() => setStep(s)}>
          {s.verb}
        </Button>
      ))}
      {step && <StepDialog bankId={props.bankId} item={props.item} step={step} onClose={() => setStep(null)} onMoved={props.onMoved} />}
    </Space>
  );
}

/**
 * The dialog that records one destruction: 载体类别, what and how many (the disc's 存档 entry when it is a
 * disc the workstation wrote), the method, the date, and the two people — picked from the personnel
 * register, sent by 人员编号. The service checks everything (two different people, a date not after
 * today …); its Chinese refusal is shown in the dialog.
 */
import { Alert, AutoComplete, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { DESTRUCTION_KINDS, DESTRUCTION_METHODS, type DestructionKind } from '../../../../domain/destruction.js';
import { beijingDate } from '../../../../domain/person.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { destructionText } from './text.js';

const t = destructionText.form;
export type Destruction = Awaited<ReturnType<QbankApi['destruction.record']>>;

interface Values {
  kind: DestructionKind;
  description: string;
  quantity: number;
  discExportId?: number | null;
  method: string;
  destroyedOn: string;
  destroyer: number;
  witness: number;
  note?: string;
}

const required = [{ required: true, message: t.required }];

/** The people of the register as choices (the 安全保密管理员 may list them). */
function PersonSelect(props: { value?: number; onChange?: (v: number) => void; testId: string; options: { value: number; label: string }[] }) {
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t.personHint}
      value={props.value}
      onChange={props.onChange}
      options={props.options}
      data-testid={props.testId}
      style={{ width: 220 }}
    />
  );
}

export function DestructionForm(props: { open: boolean; onClose(): void; onSaved(d: Destruction): void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = useLoad(() => (props.open ? api['people.list']({}) : Promise.resolve([])), [props.open]);
  const kind = Form.useWatch('kind', form);
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: destructionText.person(p.name, p.unit) }));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const note = v.note?.trim() ?? '';
      const saved = await api['destruction.record']({
        kind: v.kind,
        description: v.description,
        quantity: v.quantity,
        ...(v.kind === '光盘' && typeof v.discExportId === 'number' ? { discExportId: v.discExportId } : {}),
        method: v.method,
        destroyedOn: v.destroyedOn,
        destroyer: v.destroyer,
        witness: v.witness,
        ...(note === '' ? {} : { note }),
      });
      props.onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(null);
    props.onClose();
  };

  return (
    <Modal
      open={props.open}
      title={t.title}
      width={640}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ 'data-testid': 'destruction-ok' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ kind: '光盘', quantity: 1, method: DESTRUCTION_METHODS[0], destroyedOn: beijingDate(new Date()) }}
        onFinish={(v) => void submit(v)}
      >
        <Space size="middle" align="start">
          <Form.Item name="kind" label={t.kind} rules={required}>
            <Select<DestructionKind> options={DESTRUCTION_KINDS.map((k) => ({ value: k, label: k }))} style={{ width: 140 }} data-testid="destruction-kind" />
          </Form.Item>
          <Form.Item name="quantity" label={t.quantity} rules={required}>
            <InputNumber min={1} precision={0} data-testid="destruction-quantity" />
          </Form.Item>
          {kind === '光盘' && (
            <Form.Item name="discExportId" label={t.disc} tooltip={t.discHint}>
              <InputNumber min={1} precision={0} data-testid="destruction-disc" />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="description" label={t.description} rules={required}>
          <Input placeholder={t.descriptionHint} maxLength={200} autoComplete="off" data-testid="destruction-description" />
        </Form.Item>
        <Space size="middle" align="start">
          <Form.Item name="method" label={t.method} rules={required}>
            <AutoComplete options={DESTRUCTION_METHODS.map((m) => ({ value: m }))} placeholder={t.methodHint} style={{ width: 160 }} data-testid="destruction-method" />
          </Form.Item>
          <Form.Item name="destroyedOn" label={t.destroyedOn} rules={required}>
            <Input type="date" data-testid="destruction-date" />
          </Form.Item>
        </Space>
        <Space size="middle" align="start">
          <Form.Item name="destroyer" label={t.destroyer} rules={required}>
            <PersonSelect options={options} testId="destruction-destroyer" />
          </Form.Item>
          <Form.Item name="witness" label={t.witness} rules={required} tooltip={t.samePersonHint}>
            <PersonSelect options={options} testId="destruction-witness" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t.note}>
          <Input.TextArea rows={2} maxLength={500} data-testid="destruction-note" />
        </Form.Item>
      </Form>
      {people.error && <Alert type="error" showIcon title={people.error} />}
      {error && <Alert type="error" showIcon title={error} data-testid="destruction-error" />}
    </Modal>
  );
}

/**
 * The dialogs of the personnel register: a person (new or changed) and a 保密责任书 with its scanned
 * copy (PDF, JPEG or PNG, sent as bytes with the pledge). Values are checked by the services; their
 * Chinese messages are shown in the dialog.
 */
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Typography, Upload } from 'antd';
import { useState } from 'react';
import { EXPERT_ROLES, WORK_TYPES } from '../../../../domain/person.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { adminText } from './text.js';

const t = adminText.people;

export type Person = Awaited<ReturnType<QbankApi['people.list']>>[number];

interface PersonValues {
  name: string;
  unit: string;
  title?: string;
  position?: string;
  phone: string;
  specialty?: string;
  workTypes?: string[];
  expertRole?: string | null;
  trainer?: boolean;
}

/** The person as the service takes it (empty optional fields left out). */
function personInput(v: PersonValues): Record<string, unknown> {
  return {
    name: v.name,
    unit: v.unit,
    title: v.title ?? '',
    position: v.position ?? '',
    phone: v.phone,
    specialty: v.specialty ?? '',
    workTypes: v.workTypes ?? [],
    ...(v.expertRole ? { expertRole: v.expertRole } : {}),
    trainer: v.trainer ?? false,
  };
}

/** `editing`: the person to change, 'new' to register one, null when closed. */
export function PersonForm(props: { editing: Person | 'new' | null; onClose(): void; onSaved(p: Person, created: boolean): void }) {
  const [form] = Form.useForm<PersonValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = props.editing;
  const submit = async (v: PersonValues) => {
    setBusy(true);
    setError(null);
    try {
      const person = personInput(v);
      const saved = editing === 'new' || editing === null ? await api['people.add']({ person }) : await api['people.update']({ personId: editing.id, person });
      props.onSaved(saved, editing === 'new');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const initial = editing && editing !== 'new' ? { ...editing, expertRole: editing.expertRole ?? null } : { workTypes: [], trainer: false };
  const text = (name: keyof PersonValues, label: string, required = false, testId?: string) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: adminText.required }] : []}>
      <Input autoComplete="off" data-testid={testId} />
    </Form.Item>
  );
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t.addTitle : editing ? t.editTitle(editing.name) : ''}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      onOk={() => form.submit()}
      okText={adminText.save}
      okButtonProps={{ 'data-testid': 'person-ok' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark={false} preserve={false}>
        {text('name', t.name, true, 'person-name')}
        {text('unit', t.unit, true, 'person-unit')}
        {text('phone', t.phone, true, 'person-phone')}
        <Space size="middle">
          {text('title', t.titleField)}
          {text('position', t.position)}
          {text('specialty', t.specialty)}
        </Space>
        <Form.Item name="workTypes" label={t.workTypes}>
          <Select mode="multiple" options={WORK_TYPES.map((w) => ({ value: w, label: w }))} data-testid="person-work-types" />
        </Form.Item>
        <Form.Item name="expertRole" label={t.expertRole}>
          <Select allowClear options={EXPERT_ROLES.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="trainer" label={t.trainer} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="person-error" />}
    </Modal>
  );
}

interface PledgeValues {
  signedOn: string;
  expiresOn: string;
  scope: string;
}

export function PledgeForm(props: { person: Person | null; onClose(): void; onSaved(p: Person): void }) {
  const [form] = Form.useForm<PledgeValues>();
  const [scan, setScan] = useState<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const person = props.person;
  const close = () => {
    setScan(null);
    setError(null);
    props.onClose();
  };
  const submit = async (v: PledgeValues) => {
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      await api['people.registerPledge']({ personId: person.id, pledge: v, ...(scan ? { scan: scan.bytes } : {}) });
      setScan(null);
      props.onSaved(person);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={person !== null}
      title={person ? t.pledgeTitle(person.name) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={adminText.save}
      okButtonProps={{ 'data-testid': 'pledge-ok' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} preserve={false}>
        <Space size="middle">
          <Form.Item name="signedOn" label={t.signedOn} rules={[{ required: true, message: adminText.required }]}>
            <Input type="date" data-testid="pledge-signed" />
          </Form.Item>
          <Form.Item name="expiresOn" label={t.expiresOn} rules={[{ required: true, message: adminText.required }]}>
            <Input type="date" data-testid="pledge-expires" />
          </Form.Item>
        </Space>
        <Form.Item name="scope" label={t.scope} rules={[{ required: true, message: adminText.required }]}>
          <Input placeholder={t.scopeHint} data-testid="pledge-scope" />
        </Form.Item>
        <Form.Item label={t.scan}>
          <Space>
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.arrayBuffer().then((b) => setScan({ name: file.name, bytes: new Uint8Array(b) }));
                return false;
              }}
            >
              <Button data-testid="pledge-scan">{t.chooseScan}</Button>
            </Upload>
            {scan && (
              <>
                <Typography.Text data-testid="pledge-scan-chosen">{t.scanChosen(scan.name, scan.bytes.length)}</Typography.Text>
                <Button type="link" onClick={() => setScan(null)}>
                  {t.removeScan}
                </Button>
              </>
            )}
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="pledge-error" />}
    </Modal>
  );
}

/**
 * 安全策略: the password, lockout and session policy, the write-target policy and the secrecy mark of
 * each document class. The 安全保密管理员 changes them (each change in the 权限 register); the
 * 安全审计员 reads them.
 */
import { Alert, Button, Card, Form, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { PasswordPolicy } from '../../../../domain/account.js';
import { MARKINGS, markingNames, type Marking } from '../../../../domain/submission/marking.js';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { AirGapPolicyCard } from '../discs/AirGap.js';
import { useNotice, type Notice } from './notice.js';
import { adminText } from './text.js';

const t = adminText.policy;

type MarkingRow = Awaited<ReturnType<QbankApi['output.marking.get']>>[number];
const NUMBERS = ['minLength', 'maxAgeDays', 'history', 'maxFailures', 'lockoutMinutes', 'idleMinutes'] as const;
const SWITCHES = ['requireLetters', 'requireDigits', 'requireSymbols'] as const;

function PasswordPolicyCard(props: { editable: boolean; notice: Notice }) {
  const policy = useLoad(() => api['policy.get']({}), []);
  const save = async (values: PasswordPolicy) => {
    const before = policy.data;
    const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => before?.[k as keyof PasswordPolicy] !== v));
    await props.notice.act(() => api['policy.set']({ changes }), () => adminText.saved);
    policy.reload();
  };
  return (
    <Card title={t.password} size="small" loading={policy.loading}>
      {policy.error && <Alert type="error" showIcon title={policy.error} />}
      {policy.data && (
        <Form key={JSON.stringify(policy.data)} initialValues={policy.data} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} disabled={!props.editable} onFinish={(v) => void save(v)} style={{ maxWidth: 640 }}>
          {NUMBERS.map((k) => (
            <Form.Item key={k} name={k} label={t.fields[k]}>
              <InputNumber min={0} data-testid={`policy-${k}`} />
            </Form.Item>
          ))}
          {SWITCHES.map((k) => (
            <Form.Item key={k} name={k} label={t.fields[k]} valuePropName="checked">
              <Switch />
            </Form.Item>
          ))}
          {props.editable && (
            <Button type="primary" htmlType="submit" data-testid="policy-save">
              {adminText.save}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}

function OutputPolicyCard(props: { editable: boolean; notice: Notice }) {
  const output = useLoad(() => api['output.policy.get']({}), []);
  const set = async (allow: boolean) => {
    await props.notice.act(() => api['output.policy.set']({ allowUnverifiedTargets: allow }), () => adminText.saved);
    output.reload();
  };
  return (
    <Card title={t.output} size="small" loading={output.loading}>
      {output.error && <Alert type="error" showIcon title={output.error} />}
      <Typography.Paragraph type="secondary">{t.outputNote}</Typography.Paragraph>
      <Space>
        <Switch checked={output.data?.allowUnverifiedTargets ?? false} disabled={!props.editable} onChange={(v) => void set(v)} data-testid="allow-unverified" />
        <Typography.Text>{t.allowUnverified}</Typography.Text>
      </Space>
    </Card>
  );
}

function MarkingCard(props: { editable: boolean; notice: Notice }) {
  const rows = useLoad(() => api['output.marking.get']({}), []);
  const set = async (row: MarkingRow, marking: Marking | 'default') => {
    await props.notice.act(() => api['output.marking.set']({ changes: { [row.documentClass]: marking } }), () => adminText.saved);
    rows.reload();
  };
  return (
    <Card title={t.marking} size="small">
      {rows.error && <Alert type="error" showIcon title={rows.error} />}
      <Table<MarkingRow>
        size="small"
        rowKey="documentClass"
        loading={rows.loading}
        dataSource={[...(rows.data ?? [])]}
        pagination={false}
        columns={[
          { title: t.documentClass, dataIndex: 'name', width: 220 },
          {
            title: t.currentMarking,
            width: 280,
            render: (_: unknown, r) => (
              <Space>
                <Select<Marking>
                  style={{ width: 200 }}
                  value={r.marking}
                  disabled={!props.editable}
                  onChange={(m) => void set(r, m)}
                  options={MARKINGS.map((m) => ({ value: m, label: markingNames[m] }))}
                />
                <Tag color={r.isDefault ? 'default' : 'orange'}>{r.isDefault ? t.default : t.changed}</Tag>
              </Space>
            ),
          },
          { title: t.basis, dataIndex: 'basis' },
        ]}
      />
    </Card>
  );
}

export function PolicyPage() {
  const user = useUser();
  const editable = user.roles.includes('secadmin');
  const notice = useNotice('policy-notice');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      {!editable && <Alert type="info" showIcon title={t.readOnly} />}
      {notice.view}
      <PasswordPolicyCard editable={editable} notice={notice} />
      <OutputPolicyCard editable={editable} notice={notice} />
      <MarkingCard editable={editable} notice={notice} />
      <AirGapPolicyCard editable={editable} notice={notice} />
    </Space>
  );
}

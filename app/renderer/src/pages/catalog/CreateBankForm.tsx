/**
 * Creating a bank for an occupation (banks.create): track, level (those the catalog offers for the
 * track), name and secrecy. Whether the user may create one is the service's decision: the form is
 * offered to everyone who sees the catalog and a refusal is shown in the service's words
 * (权限不足：…). On success the new bank opens at its 细目表 tab.
 */
import { Alert, App, Button, Card, Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { bankTitle } from '../../../../domain/bank.js';
import { levelName, type Level } from '../../../../domain/level.js';
import { levelsOffered } from '../../../../domain/occupation.js';
import { SECRECY_LEVELS, secrecyMark, type SecrecyLevel } from '../../../../domain/secrecy.js';
import { api, errorMessage } from '../../api/client.js';
import { navigate } from '../../app/router.js';
import type { Occupation } from './occupation.js';
import { catalogText } from './text.js';

const t = catalogText.create;

interface Values {
  track?: string;
  level?: Level;
  name?: string;
  secrecyLevel: SecrecyLevel;
  period?: string;
  beforeUse: boolean;
  isSample: boolean;
}

const INITIAL: Values = { secrecyLevel: '机密', beforeUse: true, isSample: false };

/** The levels one may pick: those of the chosen track (none before a track is chosen, when tracks exist). */
function levelChoices(o: Occupation, track: string | undefined): readonly Level[] {
  if (o.tracks.length > 0 && !track) return [];
  return [...levelsOffered(o, track)].sort((a, b) => b - a);
}

export function CreateBankForm(props: { occupation: Occupation }) {
  const o = props.occupation;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const track = Form.useWatch('track', form);
  const level = Form.useWatch('level', form);
  const secrecy = {
    level: Form.useWatch('secrecyLevel', form) ?? INITIAL.secrecyLevel,
    period: Form.useWatch('period', form) ?? '',
    beforeUse: Form.useWatch('beforeUse', form) ?? INITIAL.beforeUse,
  };
  const levels = levelChoices(o, track);
  const defaultName = level ? `${bankTitle({ occupationName: o.name, track: track ?? '', level })} 题库` : '';

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const bank = await api['banks.create']({
        occupationCode: o.code,
        track: v.track ?? '',
        level: v.level as Level,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        secrecy: { level: v.secrecyLevel, period: v.period?.trim() ?? '', beforeUse: v.beforeUse },
        isSample: v.isSample,
      });
      void message.success(t.created(bank.name));
      navigate(`/banks/${bank.id}/elements`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t.title} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 12 }}
        initialValues={INITIAL}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('track' in changed) form.setFieldValue('level', undefined);
        }}
      >
        {o.tracks.length > 0 && (
          <Form.Item name="track" label={t.track} rules={[{ required: true, message: t.trackRequired }]}>
            <Select data-testid="create-track" options={o.tracks.map((tr) => ({ value: tr.name, label: `${tr.name}（${tr.kind}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="level" label={t.level} rules={[{ required: true, message: t.levelRequired }]}>
          <Select data-testid="create-level" disabled={levels.length === 0} options={levels.map((l) => ({ value: l, label: levelName(l) }))} />
        </Form.Item>
        <Form.Item name="name" label={t.name}>
          <Input data-testid="create-name" maxLength={100} placeholder={defaultName === '' ? '' : t.namePlaceholder(defaultName)} />
        </Form.Item>
        <Form.Item name="secrecyLevel" label={t.secrecy}>
          <Select data-testid="create-secrecy" options={SECRECY_LEVELS.map((s) => ({ value: s, label: s }))} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="period" label={t.period}>
          <Input maxLength={30} placeholder={t.periodPlaceholder} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="beforeUse" label={t.beforeUse} valuePropName="checked" extra={t.beforeUseHelp}>
          <Switch />
        </Form.Item>
        <Form.Item name="isSample" label={t.sample} valuePropName="checked" extra={t.sampleHelp}>
          <Switch data-testid="create-sample" />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 4, span: 12 }}>
          <Typography.Text type="danger" data-testid="create-mark">
            {t.mark(secrecyMark(secrecy))}
          </Typography.Text>
        </Form.Item>
        {error && (
          <Form.Item wrapperCol={{ offset: 4, span: 16 }}>
            <Alert type="error" showIcon title={error} data-testid="create-error" />
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ offset: 4, span: 12 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="create-bank">
            {t.submit}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

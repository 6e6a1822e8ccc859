/**
 * What opening a package needs from the user: the path of the image (.iso) or package folder, the
 * recipient's key file (.p12, read in the page and sent as base64) and its password.
 */
import { Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { base64Of, FileButton } from './parts.js';
import { discsText } from './text.js';

const t = discsText.open;

export interface KeyValue {
  readonly source: string;
  readonly p12: { readonly name: string; readonly base64: string; readonly bytes: number } | null;
  readonly password: string;
}

export function useKeyFields(): { value: KeyValue; set(change: Partial<KeyValue>): void; missing: string | null } {
  const [value, setValue] = useState<KeyValue>({ source: '', p12: null, password: '' });
  const missing = value.source.trim() === '' ? t.needSource : value.p12 === null ? t.needKey : null;
  return { value, set: (change) => setValue((v) => ({ ...v, ...change })), missing };
}

export function KeyFields(props: { value: KeyValue; set(change: Partial<KeyValue>): void; testId: string }) {
  const { value } = props;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text strong>{t.source}</Typography.Text>
        <Input value={value.source} onChange={(e) => props.set({ source: e.target.value })} placeholder={t.sourceHint} style={{ maxWidth: 720 }} data-testid={`${props.testId}-source`} />
      </Space>
      <Space orientation="vertical" size={2}>
        <Typography.Text strong>{t.key}</Typography.Text>
        <FileButton
          accept=".p12,.pfx"
          label={t.chooseKey}
          testId={`${props.testId}-key`}
          onFile={(f) => void base64Of(f).then((base64) => props.set({ p12: { name: f.name, base64, bytes: f.size } }))}
          chosen={
            value.p12 && (
              <Typography.Text type="secondary" data-testid={`${props.testId}-key-chosen`}>
                {t.keyChosen(value.p12.name, discsText.bytes(value.p12.bytes))}
              </Typography.Text>
            )
          }
        />
      </Space>
      <Space orientation="vertical" size={2}>
        <Typography.Text strong>{t.password}</Typography.Text>
        <Input.Password value={value.password} onChange={(e) => props.set({ password: e.target.value })} autoComplete="off" style={{ width: 300 }} data-testid={`${props.testId}-password`} />
      </Space>
    </Space>
  );
}

/** The key as the handlers take it. */
export const keyInput = (v: KeyValue) => ({ p12: v.p12?.base64 ?? '', password: v.password });

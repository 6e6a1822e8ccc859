/** Passphrase or key file: the two ways to protect (first run) or open (unlock) the workstation. */
import { Form, Input, Progress, Radio, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { passphraseStrength } from './strength.js';
import { sessionText } from './text.js';

export type Secret = { kind: 'passphrase'; passphrase: string } | { kind: 'keyFile'; bytes: Uint8Array<ArrayBuffer> };

const t = sessionText.firstRun;
const COLORS = ['#cf1322', '#d48806', '#389e0d', '#237804'] as const;

export function SecretFields(props: { creating: boolean; onChange: (secret: Secret | null) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'keyFile'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyName, setKeyName] = useState<string | null>(null);
  const strength = passphraseStrength(passphrase);

  const emitPassphrase = (p: string, c: string) => {
    const ok = p !== '' && (!props.creating || (c === p && passphraseStrength(p).score > 0));
    props.onChange(ok ? { kind: 'passphrase', passphrase: p } : null);
  };
  const onKeyFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    setKeyName(t.keyFileChosen(file.name, bytes.length));
    props.onChange({ kind: 'keyFile', bytes });
  };

  return (
    <>
      <Form.Item label={t.mode}>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as 'passphrase' | 'keyFile');
            props.onChange(null);
          }}
          options={[
            { value: 'passphrase', label: t.passphrase },
            { value: 'keyFile', label: t.keyFile },
          ]}
        />
      </Form.Item>
      {mode === 'passphrase' ? (
        <>
          <Form.Item label={t.passphrase}>
            <Input.Password
              data-testid="passphrase"
              autoFocus
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.target.value);
                emitPassphrase(e.target.value, confirm);
              }}
            />
          </Form.Item>
          {props.creating && (
            <>
              <Form.Item label={t.passphraseConfirm} validateStatus={confirm !== '' && confirm !== passphrase ? 'error' : ''} help={confirm !== '' && confirm !== passphrase ? t.mismatch : undefined}>
                <Input.Password
                  data-testid="passphrase-confirm"
                  value={confirm}
                  onChange={(e) => {
                    setConfirm(e.target.value);
                    emitPassphrase(passphrase, e.target.value);
                  }}
                />
              </Form.Item>
              <Form.Item label={t.strength}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Progress data-testid="strength" percent={passphrase === '' ? 0 : ((strength.score + 1) / 4) * 100} steps={4} showInfo={false} strokeColor={COLORS[strength.score]} />
                  <Typography.Text type={strength.score === 0 ? 'danger' : 'success'} data-testid="strength-text">
                    {passphrase === '' ? '' : t.strengthLevels[strength.score]}
                    {strength.problems.length > 0 ? `：${strength.problems.join('；')}` : ''}
                  </Typography.Text>
                </Space>
              </Form.Item>
            </>
          )}
        </>
      ) : (
        <Form.Item label={t.keyFile}>
          <Space orientation="vertical">
            <input data-testid="key-file" type="file" onChange={(e) => void onKeyFile(e)} />
            {keyName && <Typography.Text>{keyName}</Typography.Text>}
          </Space>
        </Form.Item>
      )}
    </>
  );
}

/**
 * The wizard's first step: the file (xlsx or docx, read into bytes) and the import's options — the
 * state the items get (入库 only for a sample bank), valid rows only, and what to do with
 * near-duplicates — then the dry run.
 */
import { Alert, Button, Form, Radio, Space, Switch, Typography } from 'antd';
import { useRef } from 'react';
import type { Options } from './report.js';
import { importText } from './text.js';

const t = importText.choose;

export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export const ACCEPT = '.xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ChooseStep(props: {
  file: ChosenFile | null;
  onFile: (file: ChosenFile) => void;
  options: Options;
  onOptions: (options: Options) => void;
  isSample: boolean;
  error: string | null;
  onDryRun: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { options, onOptions } = props;
  return (
    <div data-testid="import-choose">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 16 }}>
        <Form.Item label={t.file}>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            data-testid="import-file"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void f.arrayBuffer().then((b) => props.onFile({ name: f.name, bytes: new Uint8Array(b) }));
            }}
          />
          <Space>
            <Button onClick={() => input.current?.click()}>{t.pick}</Button>
            <Typography.Text data-testid="import-file-name" type={props.file ? undefined : 'secondary'}>
              {props.file ? t.chosen(props.file.name, props.file.bytes.length) : t.none}
            </Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item label={t.state} extra={t.stateHelp}>
          <Radio.Group
            data-testid="import-state"
            value={options.state}
            onChange={(e) => onOptions({ ...options, state: e.target.value as Options['state'] })}
            options={[
              { value: '草稿', label: t.stateDraft },
              { value: '入库', label: t.stateInBank, disabled: !props.isSample },
            ]}
          />
        </Form.Item>
        <Form.Item label={t.validOnly} extra={t.validOnlyHelp}>
          <Switch data-testid="import-valid-only" checked={options.validOnly} onChange={(validOnly) => onOptions({ ...options, validOnly })} />
        </Form.Item>
        <Form.Item label={t.near} extra={t.nearHelp}>
          <Radio.Group
            data-testid="import-near"
            value={options.nearDuplicates}
            onChange={(e) => onOptions({ ...options, nearDuplicates: e.target.value as Options['nearDuplicates'] })}
            options={[
              { value: 'ask', label: t.nearAsk },
              { value: 'skip', label: t.nearSkip },
              { value: 'keep', label: t.nearKeep },
            ]}
          />
        </Form.Item>
        {props.error && (
          <Form.Item wrapperCol={{ offset: 4, span: 16 }}>
            <Alert type="error" showIcon title={props.error} data-testid="import-error" />
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ offset: 4, span: 16 }}>
          <Button type="primary" disabled={!props.file} onClick={props.onDryRun} data-testid="start-dry-run">
            {t.dryRun}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

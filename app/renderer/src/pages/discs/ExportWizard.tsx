/**
 * 导出加密报送光盘 (package.export), as a wizard: 1) the recipient certificates (only 有效 ones can be
 * ticked), 2) the folder for the image (the desktop's picker), the recorder (or save the image only) and
 * the CMS copy, 3) a summary and 开始导出 — the service checks the signed folder again, encrypts, writes,
 * reads back, burns, and wipes the plaintext folder; a refusal lists its problems — 4) the result.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Result, Space, Spin, Steps, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { DriveSelect, ErrorLines, FolderField, recipientLine, SignerCertificate, type ExportResult, type Recipient } from './parts.js';
import { discsText } from './text.js';

const t = discsText.wizard;

function Recipients(props: { list: readonly Recipient[]; loading: boolean; chosen: number[]; onChange(ids: number[]): void }) {
  const valid = props.list.filter((r) => r.status === '有效');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t.recipientsIntro}</Typography.Text>
      {!props.loading && valid.length === 0 && <Alert type="warning" showIcon title={t.noRecipients} data-testid="export-no-recipients" />}
      <Checkbox.Group<number> value={props.chosen} onChange={(v) => props.onChange(v)} data-testid="export-recipients">
        <Space orientation="vertical">
          {props.list.map((r) => (
            <Checkbox key={r.id} value={r.id} disabled={r.status !== '有效'} data-testid={`export-recipient-${r.id}`}>
              {recipientLine(r)}
              {r.status !== '有效' && <Typography.Text type="secondary">{t.notUsable(r.status)}</Typography.Text>}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Space>
  );
}

export function ExportResultView(props: { result: ExportResult; onAgain(): void }) {
  const r = props.result;
  const rt = discsText.result;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-result">
      <Result
        status="success"
        title={rt.title}
        subTitle={rt.package(r.packageId, r.files)}
        style={{ padding: '16px 0' }}
        extra={
          <Button onClick={props.onAgain} data-testid="export-again">
            {t.again}
          </Button>
        }
      />
      <Space orientation="vertical" size={4} style={{ width: '100%', overflowWrap: 'anywhere' }}>
        <Space>
          <Tag color={r.verified ? 'green' : 'red'} data-testid="export-verified">
            {r.verified ? `✓ ${rt.verified}` : `✗ ${rt.notVerified}`}
          </Tag>
          <Typography.Text>{rt.register(r.exportId)}</Typography.Text>
          <Typography.Text type="secondary">{rt.cms(r.cms)}</Typography.Text>
        </Space>
        <Typography.Text data-testid="export-image">{rt.image(r.image, discsText.bytes(r.imageBytes))}</Typography.Text>
        <Typography.Text>
          {rt.sha256}{' '}
          <Typography.Text code copyable data-testid="export-sha256">
            {r.imageSha256}
          </Typography.Text>
        </Typography.Text>
        {r.burned ? (
          <Typography.Text type={r.burned.verified ? 'success' : 'danger'} data-testid="export-burned">
            {rt.burned(r.burned.drive, r.burned.verified)}
          </Typography.Text>
        ) : (
          r.hint !== '' && (
            <Typography.Text type="secondary" data-testid="export-hint">
              {r.hint}
            </Typography.Text>
          )
        )}
        <Typography.Text data-testid="export-label">{rt.label(r.label)}</Typography.Text>
        <Typography.Text strong data-testid="export-wiped">
          {rt.wiped(r.wiped)}
        </Typography.Text>
      </Space>
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={rt.warnings(r.warnings.length)}
          data-testid="export-warnings"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {r.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

/** What will be exported: the folder the latest round signed, when the bank has one. */
function SourceLine(props: { bankId: number }) {
  const status = useLoad(() => api['review.status']({ bankId: props.bankId }), [props.bankId]);
  const s = status.data;
  if (!s?.manifest) return <Typography.Text>{t.sourceUnknown}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text data-testid="export-source">{t.sourceFolder(s.manifest.folder)}</Typography.Text>
      <Typography.Text type={s.signed ? 'success' : 'warning'}>{s.signed ? t.sourceSigned : t.sourceUnsigned}</Typography.Text>
    </Space>
  );
}

export function ExportWizard(props: { bankId: number }) {
  const recipients = useLoad(() => api['package.recipients.list']({}), []);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [dir, setDir] = useState('');
  const [drive, setDrive] = useState('');
  const [cms, setCms] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const list = recipients.data ?? [];
  const names = list.filter((r) => chosen.includes(r.id)).map((r) => r.name);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await api['package.export']({ bankId: props.bankId, recipientIds: chosen, target: { dir, ...(drive === '' ? {} : { drive }) }, cms });
      setResult(out);
      setStep(3);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setResult(null);
    setError(null);
    setStep(0);
    recipients.reload();
  };

  const nav = (next: { label: string; disabled: boolean; onClick(): void; testId: string } | null) => (
    <Space style={{ marginTop: 16 }}>
      {step > 0 && (
        <Button onClick={() => setStep(step - 1)} disabled={busy} data-testid="export-back">
          {t.back}
        </Button>
      )}
      {next && (
        <Button type="primary" onClick={next.onClick} disabled={next.disabled} loading={busy} data-testid={next.testId}>
          {next.label}
        </Button>
      )}
    </Space>
  );

  const body = () => {
    switch (step) {
      case 0:
        return (
          <>
            <Recipients list={list} loading={recipients.loading} chosen={chosen} onChange={setChosen} />
            {recipients.error && <Alert type="error" showIcon title={recipients.error} />}
            {nav({ label: t.next, disabled: chosen.length === 0, onClick: () => setStep(1), testId: 'export-next' })}
          </>
        );
      case 1:
        return (
          <>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t.folderLabel}</Typography.Text>
              <FolderField value={dir} onChange={setDir} testId="export-folder" />
              <Typography.Text type="secondary">{t.folderHint}</Typography.Text>
              <Typography.Text strong>{discsText.drive.label}</Typography.Text>
              <DriveSelect value={drive} onChange={setDrive} testId="export-drive" />
              <Space>
                <Switch checked={cms} onChange={setCms} data-testid="export-cms" />
                <Typography.Text>{t.cms}</Typography.Text>
              </Space>
            </Space>
            {nav({ label: t.next, disabled: dir === '', onClick: () => setStep(2), testId: 'export-next' })}
          </>
        );
      case 2:
        return (
          <>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <SignerCertificate />
              <Descriptions
                size="small"
                column={1}
                bordered
                data-testid="export-summary"
                items={[
                  { key: 'source', label: t.source, children: <SourceLine bankId={props.bankId} /> },
                  { key: 'recipients', label: t.summary.recipients, children: names.join('、') },
                  { key: 'folder', label: t.summary.folder, children: dir },
                  { key: 'drive', label: t.summary.drive, children: drive === '' ? discsText.drive.saveOnly : drive },
                  { key: 'cms', label: t.summary.cms, children: cms ? t.summary.yes : t.summary.no },
                ]}
              />
              <Alert type="warning" showIcon title={t.wipeWarning} />
              {busy && (
                <Space data-testid="export-running">
                  <Spin />
                  <Typography.Text>{t.running}</Typography.Text>
                </Space>
              )}
              {error && (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="danger">{t.failed}</Typography.Text>
                  <ErrorLines error={error} testId="export-error" />
                </Space>
              )}
            </Space>
            {nav({ label: t.start, disabled: busy, onClick: () => void run(), testId: 'export-start' })}
          </>
        );
      default:
        return result && <ExportResultView result={result} onAgain={restart} />;
    }
  };

  return (
    <Card size="small" title={t.title} data-testid="export-wizard">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Steps
        current={step}
        status={error ? 'error' : step === 3 ? 'finish' : 'process'}
        items={[{ title: t.steps.recipients }, { title: t.steps.target }, { title: t.steps.run }, { title: t.steps.result }]}
        style={{ marginBottom: 24 }}
      />
      {body()}
    </Card>
  );
}

/**
 * 报送光盘 of one bank (题库管理员): the export wizard for the signed submission, and — in a card below
 * — the 题库传递 disc that carries the whole bank to another workstation (transfer.export).
 */
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, type QbankApi } from '../../api/client.js';
import { useAction, useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { ExportWizard } from './ExportWizard.js';
import { DiscWritten, DriveSelect, ErrorLines, FolderField, recipientLine, usable } from './parts.js';
import { discsText } from './text.js';

const t = discsText.transferExport;
type TransferExport = Awaited<ReturnType<QbankApi['transfer.export']>>;

function TransferExportCard(props: { bankId: number }) {
  const recipients = useLoad(() => api['package.recipients.list']({}), []);
  const [chosen, setChosen] = useState<number[]>([]);
  const [dir, setDir] = useState('');
  const [drive, setDrive] = useState('');
  const { busy, error, result, run: call } = useAction<TransferExport>();
  const valid = usable(recipients.data);
  const run = () => call(() => api['transfer.export']({ bankId: props.bankId, recipientIds: chosen, target: { dir, ...(drive === '' ? {} : { drive }) } }));
  return (
    <Card size="small" title={t.title} data-testid="transfer-export">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
        <Typography.Text strong>{t.recipients}</Typography.Text>
        <Select<number[]>
          mode="multiple"
          value={chosen}
          onChange={setChosen}
          loading={recipients.loading}
          options={valid.map((r) => ({ value: r.id, label: recipientLine(r) }))}
          placeholder={valid.length === 0 && !recipients.loading ? discsText.wizard.noRecipients : t.recipients}
          style={{ width: '100%', maxWidth: 720 }}
          data-testid="transfer-export-recipients"
        />
        <Typography.Text strong>{discsText.wizard.folderLabel}</Typography.Text>
        <FolderField value={dir} onChange={setDir} testId="transfer-export-folder" />
        <DriveSelect value={drive} onChange={setDrive} testId="transfer-export-drive" />
        <Button type="primary" disabled={chosen.length === 0 || dir === ''} loading={busy} onClick={() => void run()} data-testid="transfer-export-start">
          {t.start}
        </Button>
        {chosen.length === 0 || dir === '' ? <Typography.Text type="secondary">{t.pick}</Typography.Text> : null}
        <ErrorLines error={error} testId="transfer-export-error" />
        {result && (
          <Alert
            type="success"
            showIcon
            title={t.done(result.items, result.versions)}
            data-testid="transfer-export-done"
            description={
              <DiscWritten disc={result} />
            }
          />
        )}
      </Space>
    </Card>
  );
}

export function DiscsTab(props: { bankId: number }) {
  const user = useUser();
  if (!user.roles.includes('manager')) return <Alert type="info" showIcon title={discsText.wizard.onlyManager} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="discs-tab">
      <ExportWizard bankId={props.bankId} />
      <TransferExportCard bankId={props.bankId} />
    </Space>
  );
}

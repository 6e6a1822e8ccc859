/**
 * 备份 (系统管理员): an encrypted full backup written to a folder (and a recorder) with backup.create;
 * 检查备份 decrypts a backup and verifies its database and audit log (backup.verify) without restoring.
 * The restore itself replaces the database file, so it runs before the program starts: after a
 * successful check the page gives the exact `qbank restore` command for this workstation's file.
 */
import { Alert, Button, Card, Input, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useAction, useLoad } from '../../api/hooks.js';
import { useSession } from '../../app/session.js';
import { localTime } from '../assembly/causes.js';
import { DiscWritten, DriveSelect, ErrorLines, FolderField, recipientLine, SignerCertificate, usable } from './parts.js';
import { discsText } from './text.js';

const t = discsText.backup;
type BackupResult = Awaited<ReturnType<QbankApi['backup.create']>>;
type RestoreCheck = Awaited<ReturnType<QbankApi['backup.verify']>>;

/** A path as one shell word (quoted when it needs to be). */
const shellWord = (p: string) => (/^[\p{L}\p{N}_@%+=:,./-]+$/u.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

function CreateCard(props: { onCreated(image: string): void }) {
  const recipients = useLoad(() => api['package.recipients.list']({}), []);
  const archive = usable(recipients.data).filter((r) => r.purpose === '存档');
  const [dir, setDir] = useState('');
  const [drive, setDrive] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const { busy, error, result, run: call } = useAction<BackupResult>();
  const run = async () => {
    const out = await call(() => api['backup.create']({ target: { dir, ...(drive === '' ? {} : { drive }) }, recipientIds: chosen }));
    if (out) props.onCreated(out.image);
  };
  return (
    <Card size="small" title={t.createTitle} data-testid="backup-create">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.createIntro}</Typography.Text>
        <SignerCertificate />
        <Typography.Text strong>{discsText.wizard.folderLabel}</Typography.Text>
        <FolderField value={dir} onChange={setDir} testId="backup-folder" />
        <Typography.Text strong>{discsText.drive.label}</Typography.Text>
        <DriveSelect value={drive} onChange={setDrive} testId="backup-drive" />
        <Typography.Text strong>{t.archive}</Typography.Text>
        <Select<number[]>
          mode="multiple"
          value={chosen}
          onChange={setChosen}
          options={archive.map((r) => ({ value: r.id, label: recipientLine(r) }))}
          placeholder={t.archiveHint}
          style={{ width: '100%', maxWidth: 720 }}
          data-testid="backup-archive"
        />
        <Space>
          <Button type="primary" disabled={dir === ''} loading={busy} onClick={() => void run()} data-testid="backup-start">
            {t.create}
          </Button>
          {busy && (
            <>
              <Spin size="small" />
              <Typography.Text>{t.running}</Typography.Text>
            </>
          )}
        </Space>
        <ErrorLines error={error} testId="backup-error" />
        {result && (
          <Alert
            type="success"
            showIcon
            title={t.created(result.auditSeq)}
            data-testid="backup-done"
            description={
              <DiscWritten disc={result} showVerified imageTestId="backup-image" />
            }
          />
        )}
      </Space>
    </Card>
  );
}

function CheckCard(props: { initial?: string }) {
  const session = useSession();
  const [source, setSource] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ source: string; result: RestoreCheck } | null>(null);
  const run = async () => {
    const s = source.trim();
    setBusy(true);
    setError(null);
    setCheck(null);
    try {
      setCheck({ source: s, result: await api['backup.verify']({ source: s }) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const command = check ? `qbank restore ${shellWord(check.source)} --db ${shellWord(session.state.dbFile)}` : '';
  const r = check?.result;
  return (
    <Card size="small" title={t.checkTitle} data-testid="backup-check">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.checkIntro}</Typography.Text>
        <Typography.Text strong>{t.source}</Typography.Text>
        <Input value={source} onChange={(e) => setSource(e.target.value)} placeholder={t.sourceHint} style={{ maxWidth: 720 }} data-testid="backup-check-source" />
        <Space>
          <Button type="primary" disabled={source.trim() === ''} loading={busy} onClick={() => void run()} data-testid="backup-check-run">
            {t.check}
          </Button>
          {busy && (
            <>
              <Spin size="small" />
              <Typography.Text>{t.checking}</Typography.Text>
            </>
          )}
        </Space>
        <ErrorLines error={error} testId="backup-check-error" />
        {r && (
          <>
            <Alert
              type="success"
              showIcon
              title={t.restorable}
              data-testid="backup-restorable"
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{r.package.label}</Typography.Text>
                  <Typography.Text>{t.checked(r.workstationId, r.package.createdAt ? localTime(r.package.createdAt) : '', r.auditEntries, r.checkpointSeq)}</Typography.Text>
                  <Typography.Text>{t.signer(r.package.signature.signer, r.package.signature.ok)}</Typography.Text>
                </Space>
              }
            />
            {r.older && <Alert type="warning" showIcon title={t.older} data-testid="backup-older" />}
            <Alert
              type="info"
              showIcon
              title={t.restoreTitle}
              data-testid="backup-restore-help"
              description={
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text>{t.restoreIntro}</Typography.Text>
                  <Typography.Text code copyable style={{ overflowWrap: 'anywhere' }} data-testid="backup-restore-command">
                    {r.older ? t.restoreOlder(command) : command}
                  </Typography.Text>
                </Space>
              }
            />
          </>
        )}
      </Space>
    </Card>
  );
}

export function BackupTab() {
  // the image just written is the natural one to check
  const [made, setMade] = useState('');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="backup-tab">
      <CreateCard onCreated={setMade} />
      <CheckCard initial={made} key={made} />
    </Space>
  );
}

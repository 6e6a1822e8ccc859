/**
 * Pieces the disc screens share: the types of the disc handlers' answers, a service message shown as
 * title + list (a refused export names each problem on its own line), the folder picked with the
 * desktop's picker (as 申报材料 does), the drive select, a file read from an <input type=file>, and
 * the user's own signing certificate (every package is signed with it).
 */
import { Alert, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { api, desktop, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { discsText } from './text.js';

export type Recipient = Awaited<ReturnType<QbankApi['package.recipients.list']>>[number];
export type DiscRecord = Awaited<ReturnType<QbankApi['disc.list']>>[number];
export type ExportResult = Awaited<ReturnType<QbankApi['package.export']>>;
export type PackageReport = Awaited<ReturnType<QbankApi['package.open']>>;
export type AirGapStatus = Awaited<ReturnType<QbankApi['airgap.check']>>;

/** A service's Chinese message: its first line as the title, `- …` lines below as a list. */
export function ErrorLines(props: { error: string | null; testId: string; type?: 'error' | 'warning' }) {
  if (props.error === null) return null;
  const [title, ...rest] = props.error.split('\n');
  const lines = rest.map((l) => l.replace(/^-\s*/, '')).filter((l) => l.trim() !== '');
  return (
    <Alert
      type={props.type ?? 'error'}
      showIcon
      title={title}
      data-testid={props.testId}
      description={
        lines.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** A folder chosen with the desktop's picker, shown as its path. */
export function FolderField(props: { value: string; onChange(path: string): void; testId: string; disabled?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const choose = async () => {
    setError(null);
    try {
      const { path } = await desktop.chooseFolder({});
      if (path === null) setError(discsText.folder.noPicker);
      else props.onChange(path);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <Input readOnly value={props.value} placeholder={discsText.folder.none} data-testid={`${props.testId}-path`} />
        <Button onClick={() => void choose()} disabled={props.disabled} data-testid={props.testId}>
          {discsText.folder.choose}
        </Button>
      </Space.Compact>
      {error && <Typography.Text type="warning">{error}</Typography.Text>}
    </Space>
  );
}

/** The recorders disc.drives finds; '' = save the image only. */
export function DriveSelect(props: { value: string; onChange(drive: string): void; testId: string }) {
  const drives = useLoad(() => api['disc.drives']({}), []);
  const options = [{ value: '', label: discsText.drive.saveOnly }, ...(drives.data ?? []).map((d) => ({ value: d.id, label: discsText.drive.option(d.name, d.id) }))];
  return (
    <Space orientation="vertical" size={4}>
      <Select<string> value={props.value} onChange={props.onChange} options={options} loading={drives.loading} style={{ width: 420 }} data-testid={props.testId} aria-label={discsText.drive.label} />
      {drives.error && <Typography.Text type="warning">{drives.error}</Typography.Text>}
    </Space>
  );
}

/** Base64 of a file's bytes (the .p12 key travels as text). */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A hidden file input behind a button; `onFile` gets the chosen file. */
export function FileButton(props: { accept: string; label: string; testId: string; onFile(file: File): void; chosen?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
      <Space wrap>
        <Button onClick={() => input.current?.click()}>{props.label}</Button>
        {props.chosen}
      </Space>
    </>
  );
}

/** The user's own signing certificate: its state, and 申请 when there is none. */
export function SignerCertificate() {
  const user = useUser();
  const certs = useLoad(() => api['certs.list']({}), []);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const t = discsText.signer;
  const mine = (certs.data ?? []).filter((c) => c.kind === 'holder' && c.username === user.username);
  const usable = mine.find((c) => c.status === '有效');
  const pending = mine.find((c) => c.status === '待签发');
  const request = async () => {
    try {
      await api['certs.request']({});
      setMessage({ type: 'success', text: t.requested });
      certs.reload();
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };
  if (certs.loading && !certs.data) return null;
  return (
    <Space orientation="vertical" size={4} data-testid="signer-cert">
      {usable ? (
        <Space>
          <Tag color="green">{'✓'}</Tag>
          <Typography.Text type="secondary">{t.ok(usable.serial.slice(0, 16))}</Typography.Text>
        </Space>
      ) : pending ? (
        <Alert type="info" showIcon title={t.pending} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t.none}
          action={
            <Button size="small" onClick={() => void request()} data-testid="signer-request">
              {t.request}
            </Button>
          }
        />
      )}
      {certs.error && <Typography.Text type="danger">{certs.error}</Typography.Text>}
      {message && <Alert type={message.type} showIcon title={message.text} />}
    </Space>
  );
}

/** The recipients one may encrypt for now. */
export const usable = (list: readonly Recipient[] | undefined): Recipient[] => (list ?? []).filter((r) => r.status === '有效');

/** A recipient's line: name, purpose, key type, until when. */
export const recipientLine = (r: Recipient) => discsText.wizard.recipient(r.name, r.purpose, r.keyType, r.notAfter.slice(0, 10));

/** What a written disc image is: path and size, SHA-256, (the read-back,) burned or the hint, label, register entry, warnings. */
export function DiscWritten(props: {
  disc: Pick<ExportResult, 'image' | 'imageBytes' | 'imageSha256' | 'verified' | 'burned' | 'hint' | 'label' | 'exportId' | 'warnings'>;
  showVerified?: boolean;
  imageTestId?: string;
}) {
  const d = props.disc;
  const rt = discsText.result;
  return (
    <Space orientation="vertical" size={0} style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text data-testid={props.imageTestId}>{rt.image(d.image, discsText.bytes(d.imageBytes))}</Typography.Text>
      <Typography.Text>{`${rt.sha256} ${d.imageSha256}`}</Typography.Text>
      {props.showVerified && <Typography.Text>{d.verified ? `✓ ${rt.verified}` : `✗ ${rt.notVerified}`}</Typography.Text>}
      {d.burned ? <Typography.Text>{rt.burned(d.burned.drive, d.burned.verified)}</Typography.Text> : d.hint !== '' && <Typography.Text type="secondary">{d.hint}</Typography.Text>}
      <Typography.Text>{rt.label(d.label)}</Typography.Text>
      <Typography.Text>{rt.register(d.exportId)}</Typography.Text>
      {d.warnings.map((w, i) => (
        <Typography.Text key={i} type="warning">
          {w}
        </Typography.Text>
      ))}
    </Space>
  );
}

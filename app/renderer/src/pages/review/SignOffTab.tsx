/**
 * 签署 (everyone on the bank): what still blocks the sign-off (review.status), the generated manifest
 * (its SHA-256 and folder) with 校验签名 (review.verify), who of the panel has signed, the ink-signed
 * scan, and — for a member of the panel — the certificate and 数字签名.
 */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../domain/roles.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useUser } from '../../app/session.js';
import { localTime } from '../assembly/causes.js';
import { ScanCard } from './ScanCard.js';
import { SignCard } from './SignCard.js';
import { reviewText } from './text.js';
import { Verification, type FolderVerification } from './Verification.js';

const t = reviewText.signoff;
type Status = Awaited<ReturnType<QbankApi['review.status']>>;
type Member = Status['round']['panel']['members'][number];

function List(props: { lines: readonly string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {props.lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

function ManifestCard(props: { status: Status; mayVerify: boolean; onVerified(result: FolderVerification): void }) {
  const { status } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async (folder: string) => {
    setBusy(true);
    setError(null);
    try {
      props.onVerified(await api['review.verify']({ folder }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const signedBy = new Map(status.signatures.map((s) => [s.personId, s]));
  return (
    <Card size="small" title={t.manifest.title} data-testid="manifest-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {status.manifest ? (
          <>
            <Typography.Text data-testid="manifest-sha256">{t.manifest.sha256(status.manifest.sha256)}</Typography.Text>
            <Typography.Text type="secondary" data-testid="manifest-folder">
              {t.manifest.folder(status.manifest.folder)}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t.manifest.none}</Typography.Text>
        )}
        <Table<Member>
          size="small"
          rowKey="personId"
          pagination={false}
          title={() => t.members.title}
          data-testid="signers"
          dataSource={[...status.round.panel.members]}
          columns={[
            { title: t.members.columns.name, width: 100, render: (_: unknown, m) => (m.leader ? `${m.name}（${reviewText.workspace.leader}）` : m.name) },
            { title: t.members.columns.category, dataIndex: 'category', width: 110 },
            {
              title: t.members.columns.signed,
              render: (_: unknown, m) => {
                const s = signedBy.get(m.personId);
                return s ? <Tag color="green">{t.members.signed(localTime(s.signedAt))}</Tag> : <Tag>{t.members.unsigned}</Tag>;
              },
            },
            { title: t.members.columns.serial, width: 160, render: (_: unknown, m) => <Typography.Text type="secondary">{signedBy.get(m.personId)?.serial.slice(0, 16) ?? ''}</Typography.Text> },
          ]}
        />
        {status.manifest && props.mayVerify && (
          <Button loading={busy} onClick={() => status.manifest && void verify(status.manifest.folder)} data-testid="verify">
            {t.verify}
          </Button>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}

export function SignOffTab(props: { bankId: number; roles: readonly Role[] }) {
  const user = useUser();
  const status = useLoad(() => api['review.status']({ bankId: props.bankId }), [props.bankId]);
  const [check, setCheck] = useState<{ testId: string; result: FolderVerification } | null>(null);
  const s = status.data;
  if (status.error && !s) return <Alert type="error" showIcon title={status.error} data-testid="signoff-error" />;
  if (!s) return null;
  const me = s.round.panel.members.find((m) => m.account === user.username);
  const manager = props.roles.includes('manager');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="signoff-tab">
      <Typography.Text strong>{reviewText.round(s.round.round, s.round.startsOn, s.round.endsOn)}</Typography.Text>
      {s.signed ? (
        <Alert type="success" showIcon title={t.signedAll(localTime(s.round.signedAt))} data-testid="signoff-closed" />
      ) : s.blockers.length > 0 ? (
        <Alert type="warning" showIcon title={t.blockers(s.blockers.length)} description={<List lines={s.blockers} />} data-testid="signoff-blockers" />
      ) : (
        <Alert type="success" showIcon title={t.ready} data-testid="signoff-ready" />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: me ? 'minmax(0, 3fr) minmax(320px, 2fr)' : 'minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
        <ManifestCard status={s} mayVerify={manager || props.roles.includes('reviewer')} onVerified={(result) => setCheck({ testId: 'verify-result', result })} />
        {me && (
          <SignCard
            bankId={props.bankId}
            status={s}
            username={user.username}
            personId={me.personId}
            onSigned={(r) => {
              setCheck({ testId: 'sign-verification', result: r.verification });
              status.reload();
            }}
          />
        )}
      </div>
      {check && (
        <Card size="small" title={reviewText.verification.title}>
          <Verification result={check.result} testId={check.testId} />
        </Card>
      )}
      <ScanCard bankId={props.bankId} roundId={s.round.id} manager={manager} open={!s.signed} onAttached={status.reload} />
    </Space>
  );
}

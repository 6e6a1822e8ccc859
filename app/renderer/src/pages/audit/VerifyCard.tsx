/** Verification of the log (countersigned when it passes) and a checkpoint signed on demand, with their results. */
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { auditText } from './text.js';

const t = auditText.verify;

type Verified = Awaited<ReturnType<QbankApi['audit.verify']>>;
type Checkpoint = Awaited<ReturnType<QbankApi['audit.checkpoint']>>;

function Result(props: { v: Verified }) {
  const { v } = props;
  return (
    <Alert
      data-testid="verify-result"
      type={v.ok ? 'success' : 'error'}
      showIcon
      title={`${v.ok ? t.ok : t.broken}：${v.message}`}
      description={
        <Space orientation="vertical" size={2}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {t.head(v.entries, v.head)}
          </Typography.Text>
          {v.countersigned && <Typography.Text>{t.countersigned(v.countersigned.seq, v.countersigned.signer, v.countersigned.keyId)}</Typography.Text>}
          {v.problems.length > 0 && <Typography.Text strong>{t.problems}</Typography.Text>}
          {v.problems.map((p, i) => (
            <Typography.Text key={`p${i}`} type="danger">
              {p}
            </Typography.Text>
          ))}
          {v.warnings.length > 0 && <Typography.Text strong>{t.warnings}</Typography.Text>}
          {v.warnings.map((w, i) => (
            <Typography.Text key={`w${i}`} type="warning">
              {w}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}

export function VerifyCard(props: { onDone(): void }) {
  const [busy, setBusy] = useState<'verify' | 'checkpoint' | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [checkpoint, setCheckpoint] = useState<Checkpoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState(true);
  const run = async <T,>(kind: 'verify' | 'checkpoint', fn: () => Promise<T>, done: (value: T) => void) => {
    setBusy(kind);
    setError(null);
    try {
      done(await fn());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      props.onDone();
    }
  };
  return (
    <Card title={t.title} size="small">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <Button type="primary" loading={busy === 'verify'} onClick={() => void run('verify', () => api['audit.verify']({ pages }), setVerified)} data-testid="verify">
            {busy === 'verify' ? t.running : t.run}
          </Button>
          <Button loading={busy === 'checkpoint'} onClick={() => void run('checkpoint', () => api['audit.checkpoint']({}), setCheckpoint)} data-testid="checkpoint">
            {t.checkpoint}
          </Button>
        </Space>
        <Checkbox checked={pages} onChange={(e) => setPages(e.target.checked)} data-testid="verify-pages">
          {t.pages}
        </Checkbox>
        {error && <Alert type="error" showIcon title={error} data-testid="verify-error" />}
        {verified && <Result v={verified} />}
        {checkpoint && <Alert type="info" showIcon title={<span style={{ wordBreak: 'break-all' }}>{t.checkpointDone(checkpoint.seq, checkpoint.auditSeq, checkpoint.auditHash)}</span>} data-testid="checkpoint-result" />}
      </Space>
    </Card>
  );
}

/**
 * An expert's own signature: the signing certificate (certs.list; 申请证书 when there is none that
 * can sign), then 数字签名 — after a confirm dialog naming the manifest — which signs manifest.json
 * with the expert's key (review.sign); the folder's verification that follows is handed to the tab.
 */
import { Alert, Button, Card, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { reviewText } from './text.js';

const t = reviewText.signoff;
type Status = Awaited<ReturnType<QbankApi['review.status']>>;
export type SignResult = Awaited<ReturnType<QbankApi['review.sign']>>;
const CERT_COLORS: Readonly<Record<string, string>> = { 有效: 'green', 待签发: 'blue', 已吊销: 'red', 已过期: 'red', 已停用: 'default' };

export function SignCard(props: { bankId: number; status: Status; username: string; personId: number; onSigned(result: SignResult): void }) {
  const { status } = props;
  const certs = useLoad(() => api['certs.list']({}), []);
  const mine = (certs.data ?? []).filter((c) => c.kind === 'holder' && c.username === props.username);
  const usable = mine.find((c) => c.status === '有效');
  const pending = mine.find((c) => c.status === '待签发');
  const shown = usable ?? pending ?? mine.at(-1);
  const signature = status.signatures.find((s) => s.personId === props.personId);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const request = async () => {
    try {
      await api['certs.request']({});
      setMessage({ type: 'success', text: t.cert.requested });
      certs.reload();
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };
  const sign = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api['review.sign']({ bankId: props.bankId, roundId: status.round.id });
      setMessage({ type: 'success', text: t.signed(r.file) });
      setConfirming(false);
      props.onSigned(r);
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t.cert.title} data-testid="sign-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {certs.error && <Alert type="error" showIcon title={certs.error} />}
        {shown ? (
          <Space wrap>
            <Tag color={CERT_COLORS[shown.status]} data-testid="cert-status">
              {t.cert.status(shown.status, shown.notAfter ? localTime(shown.notAfter) : '')}
            </Tag>
            <Typography.Text type="secondary">{shown.serial.slice(0, 16)}</Typography.Text>
          </Space>
        ) : (
          !certs.loading && <Typography.Text type="secondary">{t.cert.none}</Typography.Text>
        )}
        {!certs.loading && !usable && !pending && (
          <Button onClick={() => void request()} data-testid="cert-request">
            {t.cert.request}
          </Button>
        )}
        {signature ? (
          <Alert type="success" showIcon title={t.mySignature(localTime(signature.signedAt))} data-testid="signed-mine" />
        ) : (
          <Button type="primary" disabled={!status.ready || !usable || status.manifest === null} onClick={() => setConfirming(true)} data-testid="sign">
            {t.sign}
          </Button>
        )}
        {message && <Alert type={message.type} showIcon title={message.text} data-testid={message.type === 'success' ? 'sign-done' : 'sign-error'} />}
      </Space>
      <Modal
        open={confirming}
        title={t.signTitle}
        okText={t.sign}
        cancelText={reviewText.cancel}
        okButtonProps={{ loading: busy, ...{ 'data-testid': 'sign-confirm' } }}
        onOk={() => void sign()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>{t.signConfirm(status.manifest?.sha256 ?? '')}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}

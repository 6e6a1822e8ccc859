/**
 * The air-gap check in the GUI (规程第十一、十二条). `AirGapWatch` sits in the shell: right after login
 * and every ten minutes while logged in it runs `airgap.check`; when the machine is not clean a blocking
 * dialog lists the findings and the policy — warn: acknowledge and go on; refuse: exports, backups and
 * transfers are refused until the findings are gone. `AirGapPolicyCard` is the 安全策略 page's switch
 * between the two (the 安全保密管理员's, airgap.policy.set).
 */
import { Alert, Button, Card, Modal, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorName } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSession } from '../../app/session.js';
import type { Notice } from '../admin/notice.js';
import type { AirGapStatus } from './parts.js';
import { discsText } from './text.js';

const t = discsText.airgap;
/** How often the check runs while logged in. */
export const AIRGAP_PERIOD_MS = 10 * 60_000;

function Findings(props: { status: AirGapStatus }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="airgap-findings">
      {props.status.findings.map((f, i) => (
        <li key={i} data-testid="airgap-finding" style={{ marginBottom: 4 }}>
          <Tag color="red">{t.kinds[f.kind] ?? f.kind}</Tag>
          <Typography.Text code>{f.device}</Typography.Text> <Typography.Text>{f.message}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function AirGapWatch() {
  const { refresh } = useSession();
  const [status, setStatus] = useState<AirGapStatus | null>(null);
  const [checking, setChecking] = useState(false);

  const check = useCallback(async (reason: 'start' | 'periodic' | 'manual') => {
    setChecking(true);
    try {
      const s = await api['airgap.check']({ reason });
      setStatus(s.ok ? null : s);
    } catch (e) {
      // the session ended meanwhile (idle): the lock screen follows; anything else waits for the next check
      if (errorName(e) === 'SessionEndedError') void refresh();
    } finally {
      setChecking(false);
    }
  }, [refresh]);

  useEffect(() => {
    void check('start');
    const timer = window.setInterval(() => void check('periodic'), AIRGAP_PERIOD_MS);
    return () => window.clearInterval(timer);
  }, [check]);

  const refuse = status?.mode === 'refuse';
  return (
    <Modal
      open={status !== null}
      title={t.title}
      width={640}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Space>
          <Button onClick={() => void check('manual')} loading={checking} data-testid="airgap-recheck">
            {t.recheck}
          </Button>
          <Button type="primary" danger={refuse} onClick={() => setStatus(null)} data-testid="airgap-ack">
            {refuse ? t.ackRefuse : t.ack}
          </Button>
        </Space>
      }
    >
      {status && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="airgap-body" data-mode={status.mode}>
          <Typography.Text>{t.intro}</Typography.Text>
          <Findings status={status} />
          <Alert type={refuse ? 'error' : 'warning'} showIcon title={refuse ? t.refuse : t.warn} data-testid="airgap-mode" />
        </Space>
      )}
    </Modal>
  );
}

/** 安全策略 › 物理隔离检查: warn or refuse (the 安全保密管理员), and the machine's check now. */
export function AirGapPolicyCard(props: { editable: boolean; notice: Notice }) {
  const status = useLoad(() => api['airgap.check']({ reason: 'manual' }), []);
  const refuse = status.data?.mode === 'refuse';
  const set = async (next: boolean) => {
    await props.notice.act(() => api['airgap.policy.set']({ mode: next ? 'refuse' : 'warn' }), () => t.saved(next));
    status.reload();
  };
  const s = status.data;
  return (
    <Card title={t.policyTitle} size="small" loading={status.loading && !s} data-testid="airgap-policy">
      {status.error && <Alert type="error" showIcon title={status.error} />}
      <Typography.Paragraph type="secondary">{t.policyIntro}</Typography.Paragraph>
      <Space orientation="vertical">
        <Space>
          <Switch checked={refuse} disabled={!props.editable || !s} onChange={(v) => void set(v)} data-testid="airgap-refuse" />
          <Typography.Text>{t.refuseSwitch}</Typography.Text>
        </Space>
        {s && <Typography.Text data-testid="airgap-policy-mode">{t.modeNow(refuse)}</Typography.Text>}
        {s && (
          <Space wrap>
            <Tag color={s.ok ? 'green' : 'red'}>{s.ok ? '✓' : '✗'}</Tag>
            <Typography.Text data-testid="airgap-policy-summary">{t.lastCheck(s.summary)}</Typography.Text>
            <Button size="small" onClick={status.reload} data-testid="airgap-check-now">
              {t.checkNow}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

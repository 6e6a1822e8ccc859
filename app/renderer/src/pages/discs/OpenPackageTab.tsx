/**
 * 打开光盘包: a package (image or folder) opened with a recipient's key file (package.open) — verified
 * only, or decrypted into an empty folder — and its report. A wrong password or key shows the
 * service's Chinese message.
 */
import { Button, Card, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, desktop, errorMessage } from '../../api/client.js';
import { useAction } from '../../api/hooks.js';
import { KeyFields, keyInput, useKeyFields } from './KeyFields.js';
import { PackageReportView } from './PackageReport.js';
import { ErrorLines, type PackageReport } from './parts.js';
import { discsText } from './text.js';

const t = discsText.open;

export function OpenPackageTab() {
  const key = useKeyFields();
  const [outDir, setOutDir] = useState('');
  const { busy, error, result: report, run: call, setError } = useAction<PackageReport>();

  const chooseOut = async () => {
    try {
      const { path } = await desktop.chooseFolder({});
      if (path !== null) setOutDir(path);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const run = async () => {
    const out = outDir.trim();
    await call(() => api['package.open']({ source: key.value.source.trim(), key: keyInput(key.value), ...(out === '' ? {} : { outDir: out }) }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="open-package">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <Card size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <KeyFields value={key.value} set={key.set} testId="open" />
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text strong>{t.outDir}</Typography.Text>
            <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
              <Input value={outDir} onChange={(e) => setOutDir(e.target.value)} placeholder={t.outDirHint} data-testid="open-out" />
              <Button onClick={() => void chooseOut()} data-testid="open-out-choose">
                {discsText.folder.choose}
              </Button>
            </Space.Compact>
          </Space>
          <Space>
            <Button type="primary" disabled={key.missing !== null} loading={busy} onClick={() => void run()} data-testid="open-run">
              {t.run}
            </Button>
            {key.missing && <Typography.Text type="secondary">{key.missing}</Typography.Text>}
            {busy && (
              <>
                <Spin size="small" />
                <Typography.Text>{t.running}</Typography.Text>
              </>
            )}
          </Space>
        </Space>
      </Card>
      <ErrorLines error={error} testId="open-error" />
      {report && <PackageReportView report={report} />}
    </Space>
  );
}

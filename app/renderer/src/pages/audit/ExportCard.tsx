/**
 * Export of the registers (调阅、组卷、销毁、存档、登录、权限、拒绝 and the whole log) as xlsx into a folder
 * the desktop's folder picker gives; each export signs a checkpoint the file names. The list of
 * registers is the domain's (the '' register is not one to print).
 */
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { AUDIT_REGISTERS } from '../../../../domain/audit.js';
import { api, desktop, errorMessage, type QbankApi } from '../../api/client.js';
import { auditText } from './text.js';

const t = auditText.export;

type Register = Parameters<QbankApi['audit.export']>[0]['register'];
type Written = Awaited<ReturnType<QbankApi['audit.export']>>;

const REGISTERS: readonly Register[] = [...AUDIT_REGISTERS.filter((r): r is Exclude<(typeof AUDIT_REGISTERS)[number], ''> => r !== ''), '全部'];

export function ExportCard(props: { onDone(): void }) {
  const [chosen, setChosen] = useState<Register[]>([...REGISTERS]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [written, setWritten] = useState<{ folder: string; files: Written[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    setWritten(null);
    try {
      const { path } = await desktop.chooseFolder({});
      if (path === null) {
        setError(t.noFolder);
        return;
      }
      const files: Written[] = [];
      for (const [i, register] of chosen.entries()) {
        setProgress({ done: i, total: chosen.length });
        files.push(await api['audit.export']({ register, outDir: path }));
      }
      setWritten({ folder: path, files });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      props.onDone();
    }
  };
  return (
    <Card title={t.title} size="small">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t.pick}</Typography.Text>
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as Register[])} options={REGISTERS.map((r) => ({ value: r, label: r === '全部' ? t.whole : r }))} data-testid="export-registers" />
        <Button type="primary" disabled={chosen.length === 0} loading={progress !== null} onClick={() => void run()} data-testid="export">
          {progress ? t.running(progress.done + 1, progress.total) : t.run}
        </Button>
        {error && <Alert type="error" showIcon title={error} data-testid="export-error" />}
        {written && (
          <Alert
            type="success"
            showIcon
            data-testid="export-result"
            title={t.done(written.files.length, written.folder)}
            description={written.files.map((f) => t.file(f.path, f.bytes)).join('；')}
          />
        )}
      </Space>
    </Card>
  );
}

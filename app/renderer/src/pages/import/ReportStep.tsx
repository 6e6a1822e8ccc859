/**
 * The wizard's last step: what the import did — the items saved with their ids, the quality findings
 * and the suggested 鉴定点 of 待归类 items — or why nothing was saved (the service's message, or a
 * cancel). Findings may quote a word of an item (an option repeated in the stem): a secret view.
 */
import { Button, List, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { useSecretView } from '../../app/secrecy.js';
import type { ImportReport } from './report.js';
import { importText } from './text.js';

const t = importText.report;

export type RunOutcome = { readonly report: ImportReport } | { readonly error: string; readonly cancelled: boolean };

function Listed(props: { title: string; lines: readonly ReactNode[]; testId: string }) {
  if (props.lines.length === 0) return null;
  return <List data-testid={props.testId} size="small" header={<strong>{props.title}</strong>} bordered dataSource={[...props.lines]} renderItem={(l) => <List.Item>{l}</List.Item>} style={{ marginBottom: 12 }} />;
}

export function ReportStep(props: { mark: SecrecyLevel | null; outcome: RunOutcome; onAgain: () => void; onBack: () => void }) {
  useSecretView(props.mark);
  const o = props.outcome;
  if ('error' in o) {
    return (
      <Result
        data-testid="import-report"
        status={o.cancelled ? 'warning' : 'error'}
        title={o.cancelled ? t.cancelled : t.failed}
        subTitle={<span data-testid="import-report-message">{o.error}</span>}
        extra={<Button onClick={props.onBack}>{t.backToDryRun}</Button>}
      />
    );
  }
  const r = o.report;
  const ids = r.ids.length > 0 ? t.ids(Math.min(...r.ids), Math.max(...r.ids)) : '';
  return (
    <div data-testid="import-report">
      <Result status="success" title={<span data-testid="import-report-title">{t.done(r.ids.length)}</span>} subTitle={`${r.file}　${ids}`} />
      <Listed testId="import-report-lint" title={t.lint} lines={r.lint.map((f) => `${f.where}　${f.title}：${f.message}`)} />
      <Listed testId="import-report-suggestions" title={t.suggestions} lines={r.suggestions.map((s) => `${s.where}　${s.element} ${s.name}（${s.score}）`)} />
      <Space>
        <Button type="primary" onClick={props.onAgain} data-testid="import-again">
          {t.again}
        </Button>
      </Space>
    </div>
  );
}

/**
 * The wizard's second step: the dry run's report — counts, whether the import would go through with
 * these options (and why not), the problems of the file, the duplicates side by side and every row as
 * read with its problems — then the import for real. Shows item content (secret view).
 */
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useSecretView } from '../../app/secrecy.js';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { NearDuplicates } from './NearDuplicates.js';
import { PreviewTable } from './PreviewTable.js';
import { problemsByRow, type ImportReport, type Options } from './report.js';
import { importText } from './text.js';

const t = importText.dryRun;

function Counts(props: { report: ImportReport }) {
  const r = props.report;
  const s = t.stats;
  return (
    <Descriptions
      data-testid="dry-run-counts"
      size="small"
      bordered
      column={7}
      layout="vertical"
      items={[
        { key: 'rows', label: s.rows, children: r.rows },
        { key: 'accepted', label: s.accepted, children: r.accepted },
        { key: 'rejected', label: s.rejected, children: r.rejected },
        { key: 'skipped', label: s.skipped, children: r.skipped },
        { key: 'unbound', label: s.unbound, children: r.unbound },
        { key: 'duplicates', label: s.duplicates, children: r.duplicates.length },
        { key: 'lint', label: s.lint, children: r.lintFindings },
      ]}
      style={{ marginBottom: 12 }}
    />
  );
}

function Verdict(props: { report: ImportReport }) {
  const r = props.report;
  const other = problemsByRow(r).other;
  if (r.accepted > 0) {
    return (
      <Alert
        data-testid="dry-run-verdict"
        type={r.problems.length > 0 ? 'warning' : 'success'}
        showIcon
        title={t.wouldImport(r.accepted)}
        description={other.length > 0 ? other.join('；') : undefined}
        style={{ marginBottom: 12 }}
      />
    );
  }
  return (
    <Alert
      data-testid="dry-run-verdict"
      type="error"
      showIcon
      title={t.wouldRefuse}
      description={<ul style={{ margin: 0, paddingLeft: 20 }}>{r.problems.slice(0, 20).map((p, i) => <li key={i}>{p}</li>)}</ul>}
      style={{ marginBottom: 12 }}
    />
  );
}

export function DryRunStep(props: {
  bankId: number;
  mark: SecrecyLevel | null;
  report: ImportReport;
  options: Options;
  onDecision: (d: Options['nearDuplicates']) => void;
  onBack: () => void;
  onRun: () => void;
}) {
  useSecretView(props.mark);
  const r = props.report;
  return (
    <div data-testid="dry-run">
      <Typography.Title level={5}>{t.title(r.file)}</Typography.Title>
      <Counts report={r} />
      <Verdict report={r} />
      {r.warnings.length > 0 && <Alert type="info" showIcon title={t.warnings} description={r.warnings.join('；')} style={{ marginBottom: 12 }} />}
      <NearDuplicates bankId={props.bankId} report={r} decision={props.options.nearDuplicates} onDecision={props.onDecision} />
      {r.preview.length < r.rows && <Typography.Paragraph type="secondary">{t.previewLimited(r.preview.length, r.rows)}</Typography.Paragraph>}
      <PreviewTable report={r} />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={props.onBack} data-testid="dry-run-back">
          {t.back}
        </Button>
        <Button type="primary" disabled={r.accepted === 0} onClick={props.onRun} data-testid="run-import">
          {t.run}
        </Button>
      </Space>
    </div>
  );
}

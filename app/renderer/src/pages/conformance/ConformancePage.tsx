/**
 * 符合性报告 (issue [I] 6): every clause of 规程 and 附件6 the workstation implements, with the feature,
 * the tests that demonstrate it and their last results (read from the last test runs when the page opens
 * or is refreshed). The 安全保密管理员 and the 安全审计员 export it as docx into a folder the desktop's picker
 * gives; the export is registered in 存档.
 */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { faultSuiteNames, isFaultSuiteRef, type TestRef } from '../../../../domain/conformance/model.js';
import { summaryLine, type ClauseResult, type ResultSource, type TestOutcome } from '../../../../domain/conformance/results.js';
import { api, desktop, type QbankApi } from '../../api/client.js';
import { useAction, useLoad } from '../../api/hooks.js';
import { localTime } from '../assembly/causes.js';
import { conformanceText as t } from './text.js';

type Exported = Awaited<ReturnType<QbankApi['conformance.export']>>;

const OUTCOME_COLORS: Readonly<Record<TestOutcome, string>> = { 通过: 'green', 失败: 'red', 跳过: 'gold', 未运行: 'default' };

const time = (iso: string | null) => (iso === null ? '—' : localTime(iso));

function OutcomeTag(props: { outcome: TestOutcome }) {
  return <Tag color={OUTCOME_COLORS[props.outcome]}>{props.outcome}</Tag>;
}

function refLabel(ref: TestRef): { title: string; where: string } {
  if (isFaultSuiteRef(ref)) return { title: t.faultSuite(ref.faultSuite, faultSuiteNames[ref.faultSuite]), where: `fault-results/${ref.faultSuite}-*.json` };
  return { title: ref.name, where: ref.file };
}

function TestList(props: { row: ClauseResult }) {
  return (
    <Space orientation="vertical" size={2}>
      {props.row.tests.map((test, i) => {
        const { title, where } = refLabel(test.ref);
        return (
          <div key={i} data-testid="conformance-test" data-outcome={test.outcome}>
            <OutcomeTag outcome={test.outcome} />
            <Typography.Text>{title}</Typography.Text>
            <Typography.Text type="secondary">{` ${where}${test.note === '' ? '' : `（${test.note}）`}`}</Typography.Text>
          </div>
        );
      })}
    </Space>
  );
}

function sourceLine(kind: { label: string; unit: string }, s: ResultSource): string {
  return t.source(kind.label, s.path, s.problem ?? t.ran(time(s.ranAt), s.entries, kind.unit));
}

export function ConformancePage() {
  const report = useLoad(() => api['conformance.report']({}), []);
  const exporting = useAction<Exported>();
  const r = report.data;

  const exportDocx = () =>
    exporting.run(async () => {
      const { path } = await desktop.chooseFolder({});
      if (path === null) throw new Error(t.noFolder);
      return api['conformance.export']({ outDir: path });
    });

  return (
    <Card
      title={t.title}
      data-testid="conformance-page"
      extra={
        <Space>
          <Button onClick={report.reload} disabled={report.loading} data-testid="conformance-refresh">
            {t.refresh}
          </Button>
          <Button type="primary" loading={exporting.busy} onClick={() => void exportDocx()} data-testid="conformance-export">
            {t.exportDocx}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {exporting.result && <Alert type="success" showIcon title={t.exported(exporting.result.file.absolutePath, exporting.result.file.bytes)} style={{ marginBottom: 12 }} data-testid="conformance-notice" />}
      {exporting.error && <Alert type="error" showIcon title={exporting.error} style={{ marginBottom: 12 }} data-testid="conformance-notice" />}
      {report.error && <Alert type="error" showIcon title={report.error} style={{ marginBottom: 12 }} data-testid="conformance-error" />}
      {r && (
        <Alert
          type={r.summary.clauses.failed > 0 ? 'error' : r.summary.clauses.passed === r.summary.clauses.total ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="conformance-summary"
          title={t.summary(summaryLine(r.summary.clauses, '条'), summaryLine(r.summary.tests, '项测试'))}
          description={
            <>
              <div>{sourceLine(t.vitest, r.sources.vitest)}</div>
              <div>{sourceLine(t.faults, r.sources.faults)}</div>
            </>
          }
        />
      )}
      <Table<ClauseResult>
        size="small"
        rowKey={(row) => row.clause.id}
        loading={report.loading}
        pagination={false}
        data-testid="conformance-rows"
        dataSource={[...(r?.rows ?? [])]}
        onRow={(row) => ({ 'data-testid': `conformance-${row.clause.id}`, 'data-outcome': row.outcome }) as object}
        columns={[
          { title: t.columns.article, width: 100, render: (_: unknown, row) => `${row.clause.source} ${row.clause.article}` },
          { title: t.columns.requirement, width: 180, render: (_: unknown, row) => row.clause.requirement },
          { title: t.columns.feature, width: 260, render: (_: unknown, row) => row.clause.feature },
          { title: t.columns.tests, render: (_: unknown, row) => <TestList row={row} /> },
          { title: t.columns.outcome, width: 80, render: (_: unknown, row) => <OutcomeTag outcome={row.outcome} /> },
          { title: t.columns.at, width: 140, render: (_: unknown, row) => time(row.at) },
        ]}
      />
    </Card>
  );
}

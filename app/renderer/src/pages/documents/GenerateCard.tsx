/**
 * 生成申报材料: the folder from the desktop's picker, then `documents.generate` as a job (one step per
 * file, 取消 removes what was written); afterwards the gaps the rules still find, and the folder as a
 * list in 附件6 order with sizes.
 */
import { Alert, Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatSeconds } from '../../../../domain/format.js';
import { desktop, errorMessage, errorName, type QbankApi } from '../../api/client.js';
import { useJob } from '../../components/JobProgress.js';
import { documentsText } from './text.js';

const t = documentsText.generate;

export type Submission = Awaited<ReturnType<QbankApi['documents.generate']>>;
type SubmissionFile = Submission['files'][number];

function Summary(props: { result: Submission }) {
  const r = props.result;
  return (
    <Space orientation="vertical" size={2} data-testid="generate-summary">
      <Typography.Text strong>{t.done(r.files.length, formatSeconds(r.seconds))}</Typography.Text>
      <Typography.Text data-testid="generate-folder">{t.folder(r.folder)}</Typography.Text>
      <Typography.Text type="secondary">{t.manifest(r.manifest)}</Typography.Text>
      <Typography.Text>{t.sets(r.sets.theory, r.sets.practical, r.sets.comprehensive)}</Typography.Text>
      {r.drafts > 0 && <Typography.Text type="warning">{t.drafts(r.drafts)}</Typography.Text>}
      {r.replaced && <Typography.Text>{t.replaced}</Typography.Text>}
      {r.incomplete !== '' && <Typography.Text type="secondary">{t.incomplete(r.incomplete)}</Typography.Text>}
    </Space>
  );
}

/** The written files, in the order of the submission (附件6 §三). */
export function FilesTable(props: { files: readonly SubmissionFile[] }) {
  const rows = props.files.map((f, i) => ({ ...f, index: i + 1 }));
  return (
    <Table
      size="small"
      rowKey="path"
      pagination={false}
      data-testid="files"
      dataSource={rows}
      columns={[
        { title: t.columns.index, dataIndex: 'index', width: 60 },
        { title: t.columns.part, dataIndex: 'part', width: 200 },
        { title: t.columns.path, dataIndex: 'path', render: (p: string) => <span data-testid="file-path">{p}</span> },
        { title: t.columns.size, dataIndex: 'bytes', width: 110, align: 'right', render: (n: number) => documentsText.bytes(n) },
        { title: t.columns.sha256, dataIndex: 'sha256', width: 180, render: (h: string) => <Typography.Text code>{h.slice(0, 16)}</Typography.Text> },
      ]}
    />
  );
}

export function GenerateCard(props: { bankId: number }) {
  const job = useJob();
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<Submission | null>(null);
  const [problem, setProblem] = useState<{ type: 'warning' | 'error'; title: string; text: string } | null>(null);

  const generate = async () => {
    setProblem(null);
    try {
      const { path } = await desktop.chooseFolder({});
      if (path === null) return setProblem({ type: 'warning', title: t.noPicker, text: '' });
      setResult(null);
      setResult(await job.run(t.jobTitle, 'documents.generate', { bankId: props.bankId, outDir: path, replace }));
    } catch (e) {
      const cancelled = errorName(e) === 'CancelledError';
      setProblem({ type: cancelled ? 'warning' : 'error', title: cancelled ? t.cancelled : errorMessage(e), text: cancelled ? errorMessage(e) : '' });
    }
  };

  return (
    <Card size="small" title={t.title} data-testid="generate-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
        <Space>
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="generate-replace">
            {t.replace}
          </Checkbox>
          <Button type="primary" onClick={() => void generate()} disabled={job.running} data-testid="generate">
            {t.choose}
          </Button>
        </Space>
        {problem && <Alert type={problem.type} showIcon title={problem.title} description={problem.text || undefined} data-testid="generate-error" />}
        {result && (
          <>
            <Summary result={result} />
            {result.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t.warnings(result.warnings.length)}
                data-testid="generate-warnings"
                description={
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {result.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ol>
                }
              />
            )}
            <FilesTable files={result.files} />
          </>
        )}
      </Space>
      {job.panel}
    </Card>
  );
}

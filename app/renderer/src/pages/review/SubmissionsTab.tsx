/**
 * 报送记录 (the manager's): the submissions to the province with their results, the incubation period
 * and what one more submission would mean (a warning before the second, a refusal of a third; levels
 * 1–2 are re-reviewed by the province). 登记报送 sends the record; when the service asks for a
 * confirmation, its message is shown in a dialog and the record is sent again confirmed. 录入结果
 * per record, and the incubation settings.
 */
import { Alert, Button, Card, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { beijingDate } from '../../../../domain/person.js';
import { checkSubmission, SUBMISSION_RESULTS, type SubmissionResult } from '../../../../domain/review/submissions.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { reviewText } from './text.js';

const t = reviewText.submissions;
type History = Awaited<ReturnType<QbankApi['submissions.list']>>;
type Submission = History['records'][number];
type Bank = Awaited<ReturnType<QbankApi['banks.list']>>[number];
type Outcome = { type: 'success' | 'error'; text: string } | null;

function ResultModal(props: { bankId: number; record: Submission | null; onClose(): void; onSaved(h: History): void }) {
  const [result, setResult] = useState<SubmissionResult>('通过');
  const [resultOn, setResultOn] = useState(beijingDate(new Date()));
  const [comments, setComments] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!props.record) return;
    try {
      props.onSaved(await api['submissions.result']({ bankId: props.bankId, submissionId: props.record.id, result, resultOn, comments }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal open={props.record !== null} title={t.resultTitle} okText={reviewText.ok} cancelText={reviewText.cancel} okButtonProps={{ ...{ 'data-testid': 'result-save' } }} onOk={() => void save()} onCancel={props.onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={result} onChange={(e) => setResult(e.target.value as SubmissionResult)} options={SUBMISSION_RESULTS.map((r) => ({ value: r, label: r }))} data-testid="result-value" />
        <Space>
          <Typography.Text>{t.resultOn}</Typography.Text>
          <Input type="date" value={resultOn} onChange={(e) => setResultOn(e.target.value)} data-testid="result-on" />
        </Space>
        <Input.TextArea value={comments} placeholder={t.comments} rows={3} onChange={(e) => setComments(e.target.value)} data-testid="result-comments" />
        {error && <Alert type="error" showIcon title={error} data-testid="result-error" />}
      </Space>
    </Modal>
  );
}

function Incubation(props: { bankId: number; history: History; onSaved(h: History): void }) {
  const [startsOn, setStartsOn] = useState(props.history.incubation.startsOn);
  const [days, setDays] = useState<number>(props.history.incubation.days);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = async () => {
    try {
      props.onSaved(await api['submissions.incubation']({ bankId: props.bankId, startsOn, days }));
      setOutcome({ type: 'success', text: t.incubationSaved });
    } catch (e) {
      setOutcome({ type: 'error', text: errorMessage(e) });
    }
  };
  return (
    <Card size="small" title={t.incubation} data-testid="incubation-card">
      <Space wrap>
        <Typography.Text>{t.incubationStart}</Typography.Text>
        <Input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="incubation-start" style={{ width: 160 }} />
        <Typography.Text>{t.incubationDays}</Typography.Text>
        <InputNumber min={1} max={3650} value={days} onChange={(v) => setDays(v ?? 180)} data-testid="incubation-days" />
        <Button onClick={() => void save()} data-testid="incubation-save">
          {t.incubationSave}
        </Button>
      </Space>
      {outcome && <Alert type={outcome.type} showIcon title={outcome.text} style={{ marginTop: 12 }} />}
    </Card>
  );
}

export function SubmissionsTab(props: { bankId: number; bank: Bank | undefined }) {
  const loaded = useLoad(() => api['submissions.list']({ bankId: props.bankId }), [props.bankId]);
  const [changed, setChanged] = useState<History | null>(null);
  const h = changed ?? loaded.data;
  const [submittedOn, setSubmittedOn] = useState(beijingDate(new Date()));
  const [note, setNote] = useState('');
  const [confirm, setConfirm] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [entering, setEntering] = useState<Submission | null>(null);

  const record = async (confirmed: boolean) => {
    if (!h) return;
    setOutcome(null);
    try {
      setChanged(await api['submissions.record']({ bankId: props.bankId, submittedOn, note, confirm: confirmed }));
      setConfirm(null);
      setNote('');
      setOutcome({ type: 'success', text: t.recorded });
    } catch (e) {
      const check = props.bank ? checkSubmission(h.records.map((r) => r.submittedOn), submittedOn, h.incubation, props.bank.level) : null;
      setConfirm(null);
      if (!confirmed && check && check.allowed && check.message !== '') setConfirm(errorMessage(e));
      else setOutcome({ type: 'error', text: errorMessage(e) });
    }
  };

  if (loaded.error && !h) return <Alert type="error" showIcon title={loaded.error} />;
  if (!h) return null;
  const next = h.next;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="submissions-tab">
      <Card size="small" title={t.title} extra={next.provincialReview && <Tag color="purple" title={t.provincialHint} data-testid="provincial">{t.provincial}</Tag>}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t.intro}</Typography.Text>
          <Typography.Text data-testid="incubation-period">{t.period(next.periodStart, next.periodEnd, next.ordinal)}</Typography.Text>
          {next.message !== '' && <Alert type={next.allowed ? 'warning' : 'error'} showIcon title={next.message} data-testid="submission-next" />}
          <Space wrap>
            <Typography.Text>{t.submittedOn}</Typography.Text>
            <Input type="date" value={submittedOn} onChange={(e) => setSubmittedOn(e.target.value)} style={{ width: 160 }} data-testid="submission-date" />
            <Input value={note} placeholder={t.note} maxLength={500} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} data-testid="submission-note" />
            <Button type="primary" onClick={() => void record(false)} data-testid="submission-record">
              {t.record}
            </Button>
          </Space>
          {outcome && <Alert type={outcome.type} showIcon title={outcome.text} data-testid={outcome.type === 'success' ? 'submission-recorded' : 'submission-error'} />}
          <Table<Submission>
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="submissions"
            locale={{ emptyText: t.empty }}
            dataSource={[...h.records]}
            columns={[
              { title: t.columns.index, width: 60, render: (_: unknown, _r, i) => i + 1 },
              { title: t.columns.on, dataIndex: 'submittedOn', width: 110 },
              { title: t.columns.sha, dataIndex: 'packageSha256', width: 170, render: (s: string) => <Typography.Text code>{s.slice(0, 16)}</Typography.Text> },
              { title: t.columns.note, dataIndex: 'note' },
              {
                title: t.columns.result,
                width: 280,
                render: (_: unknown, r) =>
                  r.result === '' ? (
                    <Tag>{t.noResult}</Tag>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      <span>
                        <Tag color={r.result === '通过' ? 'green' : 'red'}>{r.result}</Tag>
                        {r.resultOn}
                      </span>
                      {r.resultComments && <Typography.Text type="secondary">{r.resultComments}</Typography.Text>}
                    </Space>
                  ),
              },
              {
                title: t.columns.actions,
                width: 100,
                render: (_: unknown, r) =>
                  r.result === '' && (
                    <Button size="small" onClick={() => setEntering(r)} data-testid={`result-${r.id}`}>
                      {t.enterResult}
                    </Button>
                  ),
              },
            ]}
          />
        </Space>
      </Card>
      <Incubation key={`${h.incubation.startsOn}-${h.incubation.days}`} bankId={props.bankId} history={h} onSaved={setChanged} />
      <Modal
        open={confirm !== null}
        title={t.confirmTitle}
        okText={t.record}
        cancelText={reviewText.cancel}
        okButtonProps={{ ...{ 'data-testid': 'submission-confirm' } }}
        onOk={() => void record(true)}
        onCancel={() => setConfirm(null)}
      >
        <Typography.Paragraph data-testid="submission-confirm-text">{confirm}</Typography.Paragraph>
      </Modal>
      <ResultModal
        key={entering?.id ?? 0}
        bankId={props.bankId}
        record={entering}
        onClose={() => setEntering(null)}
        onSaved={(next) => {
          setChanged(next);
          setEntering(null);
          setOutcome({ type: 'success', text: t.resultSaved });
        }}
      />
    </Space>
  );
}

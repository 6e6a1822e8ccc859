/**
 * Long work shown while it runs: a modal with the job's title, a progress bar (done of total, the
 * step the service reports — 建模, 启发式, a file name …) and 取消. `useJob` wraps `runJob` for a
 * screen: `run(title, name, input)` resolves with the handler's value or rejects with its Chinese
 * message (a cancel rejects with the CancelledError message: nothing was saved); `panel` is the modal
 * to render. Any screen may use it (import, assembly, documents).
 */
import { Button, Modal, Progress as Bar, Space, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { QbankApi } from '../api/client.js';
import { runJob, type JobHandle, type LongRunning, type Progress } from '../api/jobs.js';

const jobText = {
  starting: '正在启动…',
  step: (done: number, total: number) => `第 ${done} / ${total} 步`,
  cancel: '取消',
  cancelling: '正在取消…',
  cancelHint: '取消后不保存任何内容',
} as const;

/** The value a long-running handler resolves to. */
export type JobValue<N extends LongRunning> = N extends keyof QbankApi ? Awaited<ReturnType<QbankApi[N]>> : never;

export interface JobProgressProps {
  readonly open: boolean;
  readonly title: string;
  readonly progress: Progress | null;
  readonly cancelling: boolean;
  onCancel(): void;
}

/** Percent of a progress report (0 before the first report). */
export function percentOf(p: Progress | null): number {
  if (!p || p.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

/** The modal itself, for screens that drive `runJob` on their own. */
export function JobProgress(props: JobProgressProps) {
  const p = props.progress;
  return (
    <Modal open={props.open} title={props.title} closable={false} mask={{ closable: false }} keyboard={false} footer={null}>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress">
        <Bar percent={percentOf(p)} status={props.cancelling ? 'exception' : 'active'} data-testid="job-percent" />
        <Typography.Text data-testid="job-label">{p && p.label !== '' ? p.label : jobText.starting}</Typography.Text>
        {p && p.total > 0 && <Typography.Text type="secondary">{jobText.step(p.done, p.total)}</Typography.Text>}
        <Space>
          <Button danger onClick={props.onCancel} loading={props.cancelling} disabled={props.cancelling} data-testid="job-cancel">
            {props.cancelling ? jobText.cancelling : jobText.cancel}
          </Button>
          <Typography.Text type="secondary">{jobText.cancelHint}</Typography.Text>
        </Space>
      </Space>
    </Modal>
  );
}

interface Running {
  readonly title: string;
  readonly progress: Progress | null;
  readonly cancelling: boolean;
}

export interface JobRunner {
  /** Runs the handler as a background job, showing the modal until it ends. */
  run<N extends LongRunning>(title: string, name: N, input: unknown): Promise<JobValue<N>>;
  /** The modal to render (null when nothing runs). */
  readonly panel: ReactNode;
  readonly running: boolean;
  /** The last progress reported (kept after the job ends, for screenshots and summaries). */
  readonly last: Progress | null;
}

export function useJob(): JobRunner {
  const [running, setRunning] = useState<Running | null>(null);
  const [last, setLast] = useState<Progress | null>(null);
  const handle = useRef<JobHandle | null>(null);

  const run = useCallback(async <N extends LongRunning>(title: string, name: N, input: unknown): Promise<JobValue<N>> => {
    setRunning({ title, progress: null, cancelling: false });
    setLast(null);
    const onProgress = (progress: Progress) => {
      setRunning((r) => (r ? { ...r, progress } : r));
      setLast(progress);
    };
    const job = runJob(name, input, onProgress);
    handle.current = job.handle;
    try {
      return (await job.result) as JobValue<N>;
    } finally {
      handle.current = null;
      setRunning(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const h = handle.current;
    if (!h) return;
    setRunning((r) => (r ? { ...r, cancelling: true } : r));
    // A job that ended meanwhile is no longer known to the host: its result stands.
    h.cancel().catch(() => undefined);
  }, []);

  const panel = running ? <JobProgress open title={running.title} progress={running.progress} cancelling={running.cancelling} onCancel={cancel} /> : null;
  return { run, panel, running: running !== null, last };
}

/** A background job under way: its phase, a progress bar and 取消 (nothing is saved when cancelled). */
import { Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { JobHandle, Progress as JobState } from '../../api/jobs.js';
import { importText } from './text.js';

const t = importText.job;

export function JobProgress(props: { progress: JobState | null; handle: JobHandle | null }) {
  const [cancelling, setCancelling] = useState(false);
  const p = props.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const cancel = () => {
    setCancelling(true);
    void props.handle?.cancel();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }} data-testid="job-progress">
      <Typography.Text data-testid="job-label">{p && p.label !== '' ? p.label : t.starting}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Button danger onClick={cancel} loading={cancelling} disabled={!props.handle} data-testid="cancel-job">
        {cancelling ? t.cancelling : t.cancel}
      </Button>
    </Space>
  );
}

/**
 * 组卷参数: the paper kind (综合评审 only for levels 1–2), the number of sets (≥ 3), the seed, the
 * solver's time limit and the overlap allowed between two sets; 预检 asks for the blueprint and its
 * counting pre-checks, 开始组卷 runs the assembly as a job.
 */
import { Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { MIN_PARALLEL_SETS, type PaperKind } from '../../../../domain/paper.js';
import { assemblyText } from './text.js';

const t = assemblyText.params;

export interface AssemblyParams {
  readonly kind: PaperKind;
  readonly sets: number;
  readonly seed: number;
  readonly timeLimitSeconds: number;
  readonly overlap: number;
}

export const DEFAULT_PARAMS: AssemblyParams = { kind: 'theory', sets: MIN_PARALLEL_SETS, seed: 1, timeLimitSeconds: 30, overlap: 0 };

function Field(props: { label: string; children: ReactNode; hint?: string }) {
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      {props.children}
      {props.hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{props.hint}</Typography.Text>}
    </Space>
  );
}

export function ParametersCard(props: {
  kinds: readonly PaperKind[];
  value: AssemblyParams;
  onChange(next: AssemblyParams): void;
  onPrecheck(): void;
  onRun(): void;
  busy: boolean;
}) {
  const v = props.value;
  const set = (change: Partial<AssemblyParams>) => props.onChange({ ...v, ...change });
  const num = (x: number | string | null, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
  return (
    <Card size="small" title={t.title} data-testid="params-card">
      <Space wrap align="start" size="large">
        <Field label={t.kind}>
          <Select<PaperKind>
            value={v.kind}
            style={{ width: 140 }}
            onChange={(kind) => set({ kind })}
            options={props.kinds.map((k) => ({ value: k, label: assemblyText.kinds[k] }))}
            data-testid="param-kind"
          />
        </Field>
        <Field label={t.sets} hint={t.setsHint}>
          <InputNumber min={1} max={10} value={v.sets} onChange={(x) => set({ sets: num(x, v.sets) })} data-testid="param-sets" />
        </Field>
        <Field label={t.seed}>
          <InputNumber min={0} max={2 ** 31 - 1} value={v.seed} onChange={(x) => set({ seed: num(x, v.seed) })} data-testid="param-seed" />
        </Field>
        <Field label={t.timeLimit}>
          <InputNumber min={1} max={3600} value={v.timeLimitSeconds} onChange={(x) => set({ timeLimitSeconds: num(x, v.timeLimitSeconds) })} data-testid="param-time" />
        </Field>
        <Field label={t.overlap}>
          <InputNumber min={0} max={500} value={v.overlap} onChange={(x) => set({ overlap: num(x, v.overlap) })} data-testid="param-overlap" />
        </Field>
      </Space>
      <Space style={{ marginTop: 12 }}>
        <Button onClick={props.onPrecheck} disabled={props.busy} data-testid="precheck">
          {t.precheck}
        </Button>
        <Button type="primary" onClick={props.onRun} disabled={props.busy} data-testid="run">
          {t.run}
        </Button>
      </Space>
    </Card>
  );
}

/**
 * 各套试卷统计: per set its items, points, minutes, X/Y/Z, items per difficulty band, Σp against its
 * target; the overlap matrix between the sets; and, for a run just made, the solver's certificate
 * (engine, deviation, bound, gap, whether optimality is proven). Stored runs show what their papers
 * keep (statistics per set; the overlap counted from their items).
 */
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { SetStatistics } from '../../../../domain/assembly/set-statistics.js';
import { formatDifficulty, formatPoints, formatSeconds, setName } from '../../../../domain/format.js';
import type { PaperKind } from '../../../../domain/paper.js';
import type { QbankApi } from '../../api/client.js';
import { overlapOf } from './causes.js';
import { assemblyText } from './text.js';

export type RunResult = Awaited<ReturnType<QbankApi['assembly.run']>>;
export type PaperRow = Awaited<ReturnType<QbankApi['papers.list']>>[number];

const t = assemblyText.results;

export interface SetView {
  readonly label: string;
  readonly items: number;
  readonly points: number;
  readonly minutes: number;
  readonly stats: SetStatistics | null;
}

export interface ResultsView {
  readonly runId: number;
  readonly kind: PaperKind;
  readonly sets: readonly SetView[];
  readonly overlap: readonly (readonly number[])[];
  readonly certificate: Pick<RunResult, 'engine' | 'deviation' | 'bound' | 'gap' | 'certified' | 'tolerance' | 'seconds'> | null;
  readonly voided: number;
}

/** The view of a run just made. */
export function viewOfRun(r: RunResult): ResultsView {
  const sets = r.papers.map((p, i) => ({ label: p.label, items: p.items, points: p.points, minutes: p.minutes, stats: r.statistics.sets[i] ?? null }));
  return { runId: r.runId, kind: r.kind, sets, overlap: r.statistics.overlap, certificate: r, voided: r.voided };
}

function statsOf(value: unknown): SetStatistics | null {
  return typeof value === 'object' && value !== null && 'sumP' in value && 'bands' in value ? (value as SetStatistics) : null;
}

/** The view of a stored run from its papers (voided ones left out). */
export function viewOfPapers(papers: readonly PaperRow[]): ResultsView | null {
  const first = papers[0];
  if (!first) return null;
  const sets = papers.map((p) => ({ label: p.setLabel, items: p.items.length, points: p.totalPoints, minutes: p.minutes, stats: statsOf(p.stats) }));
  return { runId: first.runId, kind: first.kind, sets, overlap: overlapOf(papers.map((p) => p.items.map((i) => i.itemId))), certificate: null, voided: 0 };
}

/** A deviation from the target: four decimals, or the exponent when it is smaller than that shows. */
function deviationText(x: number): string {
  return x > 0 && x < 0.00005 ? x.toExponential(2) : formatDifficulty(x);
}

function Certificate(props: { c: NonNullable<ResultsView['certificate']> }) {
  const c = props.c;
  return (
    <Descriptions size="small" bordered column={4} title={t.certificate} data-testid="certificate">
      <Descriptions.Item label={t.engine}>{t.engines[c.engine] ?? c.engine}</Descriptions.Item>
      <Descriptions.Item label={t.deviation}>{deviationText(c.deviation)}</Descriptions.Item>
      <Descriptions.Item label={t.bound}>{deviationText(c.bound)}</Descriptions.Item>
      <Descriptions.Item label={t.gap}>{deviationText(c.gap)}</Descriptions.Item>
      <Descriptions.Item label={t.tolerance}>{c.tolerance}</Descriptions.Item>
      <Descriptions.Item label={t.seconds}>{formatSeconds(c.seconds)}</Descriptions.Item>
      <Descriptions.Item label={t.optimality} span={2}>
        {c.certified ? <Tag color="green">{t.certified}</Tag> : <Tag color="orange">{t.notCertified}</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}

function OverlapMatrix(props: { labels: readonly string[]; matrix: readonly (readonly number[])[] }) {
  const rows = props.labels.map((label, i) => ({ key: label, label: setName(label), cells: props.matrix[i] ?? [] }));
  return (
    <Table
      size="small"
      pagination={false}
      data-testid="overlap-matrix"
      dataSource={rows}
      columns={[
        { title: '', dataIndex: 'label', width: 70 },
        ...props.labels.map((label, j) => ({
          title: setName(label),
          key: label,
          render: (_: unknown, r: (typeof rows)[number]) => <span data-testid={`overlap-${r.key}-${label}`}>{r.key === label ? '—' : String(r.cells[j] ?? 0)}</span>,
        })),
      ]}
    />
  );
}

function byNodeText(stats: SetStatistics | null): string {
  if (!stats) return '';
  return Object.entries(stats.byNode)
    .map(([node, types]) => `${node}：${Object.values(types).reduce((a, n) => a + n, 0)}`)
    .join('，');
}

/** A column of the statistics table that shows `—` for a stored set without statistics. */
function statColumn(title: string, key: string, text: (s: SetStatistics) => string | number) {
  return { title, key, render: (_: unknown, set: SetView) => (set.stats ? text(set.stats) : '—') };
}

export function RunResults(props: { view: ResultsView; fresh: boolean }) {
  const { view } = props;
  const theory = view.kind === 'theory';
  const kind = assemblyText.kinds[view.kind] ?? view.kind;
  const c = t.columns;
  return (
    <Card size="small" title={props.fresh ? t.title(view.runId, kind) : t.storedTitle(view.runId, kind)} data-testid="results">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {view.voided > 0 && <Alert type="info" showIcon title={t.voided(view.voided)} />}
        {view.certificate && <Certificate c={view.certificate} />}
        <Table<SetView>
          size="small"
          rowKey="label"
          pagination={false}
          data-testid="set-statistics"
          dataSource={[...view.sets]}
          expandable={{ expandedRowRender: (set) => <Typography.Text type="secondary">{`${t.byNode}：${byNodeText(set.stats)}`}</Typography.Text> }}
          columns={[
            { title: c.set, key: 'set', render: (_, set) => setName(set.label) },
            { title: c.items, dataIndex: 'items' },
            { title: c.points, key: 'points', render: (_, set) => formatPoints(set.points) },
            { title: c.minutes, dataIndex: 'minutes' },
            ...(theory ? [statColumn(c.importance, 'xyz', (x) => `${x.importance.X} / ${x.importance.Y} / ${x.importance.Z}`), statColumn(c.bands, 'bands', (x) => x.bands.join(' / '))] : []),
            statColumn(c.sumP, 'sumP', (x) => formatDifficulty(x.sumP)),
            statColumn(c.target, 'target', (x) => formatDifficulty(x.target)),
            statColumn(c.deviation, 'deviation', (x) => deviationText(x.deviation)),
            statColumn(c.penalised, 'penalised', (x) => x.penalised),
          ]}
        />
        <Typography.Text strong>{t.overlap}</Typography.Text>
        <OverlapMatrix labels={view.sets.map((x) => x.label)} matrix={view.overlap} />
      </Space>
    </Card>
  );
}

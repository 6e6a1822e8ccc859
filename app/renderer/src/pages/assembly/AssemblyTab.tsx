/**
 * 组卷 of one bank: the theory paper structure, the parameters with the blueprint pre-check, the run
 * as a background job (progress, 取消), its results — or, when the bank cannot give the sets, the
 * Chinese causes with links to the nodes that lack items — and the stored papers with 审定 and 作废.
 */
import { Alert, Col, Row, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { needsComprehensiveReview } from '../../../../domain/level.js';
import type { PaperKind } from '../../../../domain/paper.js';
import { api, errorMessage, errorName } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSecretView } from '../../app/secrecy.js';
import { useJob } from '../../components/JobProgress.js';
import { BlueprintView, type BlueprintResult } from './BlueprintView.js';
import { splitCauses } from './causes.js';
import { InfeasibleAlert } from './Causes.js';
import { DEFAULT_PARAMS, ParametersCard, type AssemblyParams } from './ParametersCard.js';
import { PapersCard } from './PapersCard.js';
import { RunResults, viewOfPapers, viewOfRun, type PaperRow, type ResultsView } from './RunResults.js';
import { StructureCard } from './StructureCard.js';
import { assemblyText } from './text.js';

type Outcome =
  | { readonly type: 'done'; readonly view: ResultsView }
  | { readonly type: 'infeasible'; readonly kind: PaperKind; readonly heading: string; readonly causes: readonly string[] }
  | { readonly type: 'cancelled'; readonly text: string }
  | { readonly type: 'error'; readonly text: string };

/** The latest run of the listed papers that still has papers in force. */
function latestRun(papers: readonly PaperRow[]): PaperRow[] {
  const live = papers.filter((p) => p.status !== '已作废');
  const last = Math.max(0, ...live.map((p) => p.runId));
  return live.filter((p) => p.runId === last);
}

function outcomeOf(e: unknown, kind: PaperKind): Outcome {
  const text = errorMessage(e);
  if (errorName(e) === 'AssemblyInfeasibleError') return { type: 'infeasible', kind, ...splitCauses(text) };
  if (errorName(e) === 'CancelledError') return { type: 'cancelled', text };
  return { type: 'error', text };
}

export function AssemblyTab(props: { bankId: number }) {
  const { bankId } = props;
  const banks = useLoad(() => api['banks.list']({}), []);
  const bank = banks.data?.find((b) => b.id === bankId);
  useSecretView(bank?.secrecy.level ?? null);
  const [params, setParams] = useState<AssemblyParams>(DEFAULT_PARAMS);
  const papers = useLoad(() => api['papers.list']({ bankId, kind: params.kind }), [bankId, params.kind]);
  const [blueprint, setBlueprint] = useState<{ kind: PaperKind; result: BlueprintResult } | null>(null);
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const job = useJob();
  // A run's outcome (results, causes, cancel) is brought into view when it arrives.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.scrollIntoView({ block: 'start' });
  }, [outcome]);

  const kinds: PaperKind[] = bank && needsComprehensiveReview(bank.level) ? ['theory', 'practical', 'comprehensive'] : ['theory', 'practical'];
  const input = () => ({ bankId, kind: params.kind, sets: params.sets, seed: params.seed, timeLimitSeconds: params.timeLimitSeconds, overlap: params.overlap });

  const precheck = async () => {
    setChecking(true);
    setOutcome(null);
    try {
      setBlueprint({ kind: params.kind, result: await api['assembly.blueprint'](input()) });
    } catch (e) {
      setBlueprint(null);
      setOutcome(outcomeOf(e, params.kind));
    } finally {
      setChecking(false);
    }
  };

  const run = async () => {
    setOutcome(null);
    const kindName = assemblyText.kinds[params.kind] ?? params.kind;
    try {
      const result = await job.run(assemblyText.params.jobTitle(kindName, params.sets), 'assembly.run', input());
      setOutcome({ type: 'done', view: viewOfRun(result) });
    } catch (e) {
      setOutcome(outcomeOf(e, params.kind));
    }
    papers.reload();
  };

  const changeParams = (next: AssemblyParams) => {
    if (next.kind !== params.kind) {
      setBlueprint(null);
      setOutcome(null);
    }
    setParams(next);
  };

  if (banks.error) return <Alert type="error" showIcon title={banks.error} />;
  if (!bank) return <Spin description={assemblyText.loading} />;
  const stored = viewOfPapers(latestRun(papers.data ?? []));
  const fresh = outcome?.type === 'done' && outcome.view.kind === params.kind ? outcome.view : null;
  const shown = fresh ?? (stored && stored.kind === params.kind ? stored : null);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="assembly-tab">
      <Row gutter={16}>
        {params.kind === 'theory' && (
          <Col xs={24} xl={10}>
            <StructureCard bankId={bankId} onSaved={() => setBlueprint(null)} />
          </Col>
        )}
        <Col xs={24} xl={params.kind === 'theory' ? 14 : 24}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ParametersCard kinds={kinds} value={params} onChange={changeParams} onPrecheck={() => void precheck()} onRun={() => void run()} busy={job.running || checking} />
            {checking && <Spin />}
            {blueprint && blueprint.kind === params.kind && <BlueprintView bankId={bankId} kind={params.kind} result={blueprint.result} />}
          </Space>
        </Col>
      </Row>
      <div ref={outcomeRef} />
      {outcome?.type === 'infeasible' && (
        <InfeasibleAlert bankId={bankId} kind={outcome.kind} heading={outcome.heading || assemblyText.infeasible.title} causes={outcome.causes} hint={assemblyText.infeasible.hint} />
      )}
      {outcome?.type === 'cancelled' && <Alert type="warning" showIcon title={assemblyText.cancelled} description={outcome.text} data-testid="run-cancelled" />}
      {outcome?.type === 'error' && <Alert type="error" showIcon title={outcome.text} data-testid="run-error" />}
      {shown && <RunResults view={shown} fresh={shown === fresh} />}
      <PapersCard key={params.kind} bankId={bankId} papers={papers.data ?? []} loading={papers.loading} onChanged={papers.reload} />
      {papers.error && <Alert type="error" showIcon title={papers.error} />}
      {job.panel}
    </Space>
  );
}

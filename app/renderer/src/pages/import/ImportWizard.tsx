/**
 * The import wizard: choose the file and options → dry run (import.items with dryRun, nothing saved)
 * → the import for real → its report. Both runs go through the background job API (`useJob`): a
 * progress bar with the phase the service reports (读取文件, 检查第 n 行, 查重, 保存 n/N) and 取消,
 * after which nothing is saved.
 */
import { Spin, Steps } from 'antd';
import { useState } from 'react';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { errorMessage, errorName } from '../../api/client.js';
import { useJob } from '../../components/JobProgress.js';
import { ChooseStep, type ChosenFile } from './ChooseStep.js';
import { DryRunStep } from './DryRunStep.js';
import type { ImportReport, Options } from './report.js';
import { ReportStep, type RunOutcome } from './ReportStep.js';
import { importText } from './text.js';

const t = importText.steps;
type Step = 0 | 1 | 2 | 3;

const INITIAL_OPTIONS: Options = { state: '草稿', validOnly: false, nearDuplicates: 'ask' };

export function ImportWizard(props: { bankId: number; isSample: boolean; mark: SecrecyLevel | null }) {
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [options, setOptions] = useState<Options>(INITIAL_OPTIONS);
  const [dry, setDry] = useState<ImportReport | null>(null);
  const job = useJob();
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);

  /** Runs import.items as a job with these options; the progress is shown while it runs. */
  const start = (chosen: ChosenFile, dryRun: boolean, opts: Options): Promise<ImportReport> =>
    job.run((dryRun ? importText.job.dryRun : importText.job.run)(chosen.name), 'import.items', {
      bankId: props.bankId,
      fileName: chosen.name,
      bytes: chosen.bytes,
      dryRun,
      ...opts,
    });

  const dryRun = async (opts: Options) => {
    if (!file) return;
    setOptions(opts);
    setError(null);
    try {
      setDry(await start(file, true, opts));
      setStep(1);
    } catch (e) {
      setError(errorMessage(e));
      setStep(0);
    }
  };

  const run = async () => {
    if (!file) return;
    setStep(2);
    try {
      setOutcome({ report: await start(file, false, options) });
    } catch (e) {
      setOutcome({ error: errorMessage(e), cancelled: errorName(e) === 'CancelledError' });
    }
    setStep(3);
  };

  const again = () => {
    setFile(null);
    setDry(null);
    setOutcome(null);
    setOptions(INITIAL_OPTIONS);
    setStep(0);
  };

  const body = () => {
    if (step === 2) return <Spin description={importText.job.running} />;
    if (step === 1 && dry) {
      return (
        <DryRunStep
          bankId={props.bankId}
          mark={props.mark}
          report={dry}
          options={options}
          onDecision={(nearDuplicates) => void dryRun({ ...options, nearDuplicates })}
          onBack={() => setStep(0)}
          onRun={() => void run()}
        />
      );
    }
    if (step === 3 && outcome) return <ReportStep mark={props.mark} outcome={outcome} onAgain={again} onBack={() => setStep(dry ? 1 : 0)} />;
    return (
      <ChooseStep
        file={file}
        onFile={(f) => {
          setFile(f);
          setDry(null);
        }}
        options={options}
        onOptions={setOptions}
        isSample={props.isSample}
        error={error}
        onDryRun={() => void dryRun(options)}
      />
    );
  };

  return (
    <div data-testid="import-wizard">
      <Steps
        current={step}
        status={step === 3 && outcome && 'error' in outcome ? 'error' : 'process'}
        items={[{ title: t.choose }, { title: t.dryRun }, { title: t.run }, { title: t.report }]}
        style={{ marginBottom: 24 }}
      />
      {body()}
      {job.panel}
    </div>
  );
}

/**
 * Files in and out of the tab. In: an xlsx chosen with the file picker, read into bytes for the
 * import handlers. Out: the exports and blank templates are written by the services into a folder
 * the user picks with the desktop's folder dialog — through the program's one output path, which
 * checks the target (no USB storage, 规程第十一、十二、十三条) and records the file in the access log.
 */
import { Alert, Button } from 'antd';
import { useRef, type ReactNode } from 'react';
import { formatProblem, type Problem } from '../../../../domain/validation.js';
import { desktop } from '../../api/client.js';
import { elementsText } from './text.js';

/** What the last action did, shown above the table. */
export interface Outcome {
  readonly type: 'success' | 'warning' | 'error';
  readonly title: string;
  readonly lines?: readonly string[];
}

export function OutcomeAlert(props: { outcome: Outcome | null; testId: string }) {
  const o = props.outcome;
  if (!o) return null;
  return (
    <Alert
      data-testid={props.testId}
      data-type={o.type}
      type={o.type}
      showIcon
      title={o.title}
      description={o.lines && o.lines.length > 0 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{o.lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}

/** The outcome of a table saved or imported: its version, and the warnings that did not block it. */
export function savedOutcome(title: string, warnings: readonly Problem[]): Outcome {
  return { type: warnings.length > 0 ? 'warning' : 'success', title, lines: warnings.map((w) => `${elementsText.files.warnings}：${formatProblem(w)}`) };
}

/** Asks for a folder, then lets `write` put the files there; null when the user chose none. */
export async function writeToChosenFolder(write: (outDir: string) => Promise<readonly { readonly absolutePath: string }[]>): Promise<Outcome | null> {
  const chosen = await desktop.chooseFolder();
  if (chosen.path === null) return null;
  const files = await write(chosen.path);
  return { type: 'success', title: elementsText.files.written(files.map((f) => f.absolutePath).join('；')) };
}

/** A button that opens the file picker for one xlsx file and hands over its name and bytes. */
export function XlsxButton(props: { testId: string; busy: boolean; disabled?: boolean; children: ReactNode; onFile: (name: string, bytes: Uint8Array<ArrayBuffer>) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid={props.testId}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.arrayBuffer().then((b) => props.onFile(file.name, new Uint8Array(b)));
        }}
      />
      <Button loading={props.busy} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.children}
      </Button>
    </>
  );
}

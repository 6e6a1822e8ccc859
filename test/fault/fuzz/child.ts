/**
 * The fuzz child: started by isolate.ts as `node --import <ts-loader> child.ts`, with a bounded heap. It
 * loads a target (targets.ts) when told and says it is ready, then judges each case it is sent and
 * answers with the verdict, the time taken and its resident memory. An error escaping a case
 * (uncaughtException, unhandledRejection: a stream failing after the reader returned) is reported
 * against the case in flight and ends the child; the parent counts it as a crash and starts a new one.
 */
import { loadTarget, type Judge, type Setup, type TargetName } from './targets.js';
import { describeError, type FuzzInput, type Verdict } from './verdict.js';

export type ToChild =
  | { readonly type: 'load'; readonly target: TargetName; readonly setup: Setup }
  | { readonly type: 'case'; readonly target: TargetName; readonly id: number; readonly input: FuzzInput };

export type FromChild =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly verdict: Verdict; readonly ms: number; readonly rss: number }
  | { readonly type: 'escaped'; readonly id: number | null; readonly detail: string };

const send = (message: FromChild) => process.send?.(message);

const judges = new Map<TargetName, Judge>();
let inFlight: number | null = null;
let last: number | null = null;

function escaped(e: unknown): void {
  // after a verdict was sent, the error belongs to the case that just ended
  send({ type: 'escaped', id: inFlight ?? last, detail: describeError(e) });
  // let the message leave before exiting
  setTimeout(() => process.exit(70), 50);
}
process.on('uncaughtException', escaped);
process.on('unhandledRejection', escaped);
// the parent went away (vitest ended): nothing left to do
process.on('disconnect', () => process.exit(0));

process.on('message', (message: ToChild) => {
  void (async () => {
    if (message.type === 'load') {
      judges.set(message.target, await loadTarget(message.target, message.setup));
      send({ type: 'ready' });
      return;
    }
    const judge = judges.get(message.target);
    if (judge === undefined) throw new Error(`case before ${message.target} was loaded`);
    inFlight = message.id;
    last = message.id;
    const started = performance.now();
    const verdict = await judge(message.input);
    inFlight = null;
    send({ type: 'result', id: message.id, verdict, ms: performance.now() - started, rss: process.memoryUsage().rss });
  })().catch(escaped);
});

/**
 * The SVG renderer's child in the desktop program: an Electron utility process. The packaged
 * program has the RunAsNode fuse off, so it cannot start itself as Node the way the CLI does; a
 * utility process is Electron's own Node child. The request goes as a message, the answer comes as
 * one (render-child.cjs serves both ways); a crash (exit before answering) or the time bound refuses
 * the drawing, as in plain Node.
 */
import { RESVG_MODULE, SVG_CHILD_FILE, SvgChildFailure, type SvgChildRunner } from '../services/platform/svg-child.js';

/** The part of an Electron UtilityProcess used here. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  once(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface UtilityProcessModuleLike {
  fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'ignore' }): UtilityProcessLike;
}

export function utilitySvgChild(utilityProcess: UtilityProcessModuleLike): SvgChildRunner {
  return (request, timeoutMs) =>
    new Promise((resolve, reject) => {
      const child = utilityProcess.fork(SVG_CHILD_FILE, [RESVG_MODULE], { serviceName: 'qbank-svg-renderer', stdio: 'ignore' });
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const timer = setTimeout(() => {
        finish(() => reject(new SvgChildFailure(true)));
        child.kill();
      }, timeoutMs);
      child.once('message', (answer) => {
        const bytes = answer instanceof Uint8Array ? Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength) : null;
        finish(() => (bytes ? resolve(bytes) : reject(new SvgChildFailure(false))));
        child.kill();
      });
      child.once('exit', () => finish(() => reject(new SvgChildFailure(false))));
      child.postMessage(request);
    });
}

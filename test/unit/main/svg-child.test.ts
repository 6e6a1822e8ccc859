/**
 * The SVG renderer's child in the desktop program (app/main/svg-child.ts): Electron's RunAsNode fuse
 * is off when packaged, so the child is a utility process. Here the utility process is a real Node
 * child with Electron's process.parentPort (fake-electron.ts), running render-child.cjs as shipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { utilitySvgChild, type UtilityProcessLike } from '../../../app/main/svg-child.js';
import { wireMain } from '../../../app/main/wire.js';
import { svgMessages } from '../../../app/readers/svg/messages.js';
import { rasteriseSvg } from '../../../app/readers/svg/rasterise.js';
import { nodeSvgChild, RESVG_MODULE, SVG_CHILD_FILE, SvgChildFailure, useSvgChildRunner } from '../../../app/services/platform/svg-child.js';
import { useTempDir } from '../../helpers/tmp.js';
import { fakeElectron } from './fake-electron.js';

const svg = (body: string, size = 'width="200" height="100" viewBox="0 0 200 100"') => `<svg xmlns="http://www.w3.org/2000/svg" ${size}>${body}</svg>`;

/** A utility process that never answers; records posts and kills. */
function silentChild(exitOnKill: boolean) {
  const listeners = new Map<string, (value: never) => void>();
  const record = { posted: 0, killed: 0 };
  const child: UtilityProcessLike = {
    postMessage: () => void record.posted++,
    once: (event: string, listener: (value: never) => void) => listeners.set(event, listener),
    kill: () => {
      record.killed++;
      if (exitOnKill) listeners.get('exit')?.(0 as never);
      return true;
    },
  };
  return { record, listeners, module: { fork: () => child } };
}

describe('main/svg-child', () => {
  const tempDir = useTempDir();
  afterEach(() => useSvgChildRunner(nodeSvgChild));

  it('wireMain installs the utility-process runner: drawings render in render-child.cjs forked by Electron', async () => {
    const fake = fakeElectron({ userData: tempDir() });
    const wired = await wireMain(fake.electron, { rendererDir: tempDir(), preloadPath: '/p.cjs', env: {} });
    try {
      const out = await rasteriseSvg(svg('<circle cx="100" cy="50" r="40"/>'), { widthPx: 400 });
      expect([out.width, out.height]).toEqual([400, 200]);
      expect(fake.forks).toEqual([{ modulePath: SVG_CHILD_FILE, args: [RESVG_MODULE], options: { serviceName: 'qbank-svg-renderer', stdio: 'ignore' } }]);
      // a drawing that aborts resvg ends only the utility process: refused, and the next one renders
      const crash =
        '<defs><clipPath id="a"><rect width="10" height="10"/><rect x="50" y="50" width="10" height="10"/></clipPath>' +
        '<clipPath id="b"><rect x="200" y="200" width="10" height="10"/></clipPath><clipPath id="c"><rect width="50" height="50"/></clipPath></defs>' +
        '<g clip-path="url(#a)"><g clip-path="url(#b)"><rect x="200" y="200" width="10" height="10"/></g>' +
        '<g clip-path="url(#c)"><rect width="20" height="20"/></g></g>';
      await expect(rasteriseSvg(svg(crash, 'width="100" height="100" viewBox="0 0 100 100"'))).rejects.toThrow(svgMessages.crashed);
      expect((await rasteriseSvg(svg('<rect width="10" height="10"/>'))).width).toBe(200);
      expect(fake.forks).toHaveLength(3);
    } finally {
      wired?.host.close();
    }
  });

  it('stops a child past the time bound and says it timed out; a child that exits without answering crashed', async () => {
    const slow = silentChild(false);
    const timedOut = utilitySvgChild(slow.module)(Buffer.from('x'), 50);
    await expect(timedOut).rejects.toEqual(new SvgChildFailure(true));
    expect(slow.record).toEqual({ posted: 1, killed: 1 });

    const dying = silentChild(false);
    const crashed = utilitySvgChild(dying.module)(Buffer.from('x'), 5000);
    dying.listeners.get('exit')?.(134 as never);
    await expect(crashed).rejects.toEqual(new SvgChildFailure(false));

    const odd = silentChild(true);
    const notBytes = utilitySvgChild(odd.module)(Buffer.from('x'), 5000);
    odd.listeners.get('message')?.('not bytes' as never);
    await expect(notBytes).rejects.toEqual(new SvgChildFailure(false));
  });

  it('the rasteriser says a timeout in Chinese, whichever runner timed out', async () => {
    useSvgChildRunner(() => Promise.reject(new SvgChildFailure(true)));
    await expect(rasteriseSvg(svg(''))).rejects.toThrow(svgMessages.timeout(30));
    useSvgChildRunner(() => Promise.resolve(Buffer.from([0, 0, 0, 99])));
    await expect(rasteriseSvg(svg(''))).rejects.toThrow(svgMessages.crashed);
  });
});

/** `qbank demo`: the main job, headless, on a fresh database (see app/demo). */
import { resolve } from 'node:path';
import { runDemo } from '../../demo/demo.js';
import { stringOption, type Command } from '../command.js';
import { demoCommandText } from '../messages/demo.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: demoCommandText.summary,
  help: demoCommandText.help,
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const outDir = resolve(ctx.io.cwd, stringOption(ctx, 'out') ?? 'demo-out');
    ctx.io.out(`${demoCommandText.title(outDir)}\n`);
    const result = await runDemo({ outDir, onStep: (s) => ctx.io.out(`${demoCommandText.step(s.step, s.detail)}\n`) });
    ctx.io.out(`${demoCommandText.done(result.report.seconds)}\n`);
    return 0;
  },
};

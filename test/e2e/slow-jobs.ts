/**
 * Slows the job checkpoints (app/services/jobs/progress.ts yields with setImmediate between steps)
 * so that a run on the small sample bank lasts long enough to be seen and cancelled, as one on a
 * large bank would. Everything else in the process keeps its pace. `restore()` returns how many
 * yields were slowed (tests assert it, so a moved progress.ts fails loudly instead of passing).
 */
export function slowJobSteps(ms: number): { restore(): number } {
  const original = globalThis.setImmediate;
  let slowed = 0;
  globalThis.setImmediate = ((fn: (...a: unknown[]) => void, ...args: unknown[]) => {
    if (!new Error().stack?.includes('jobs/progress')) return original(fn, ...args);
    slowed += 1;
    return setTimeout(fn, ms, ...args) as unknown as NodeJS.Immediate;
  }) as typeof setImmediate;
  return {
    restore: () => {
      globalThis.setImmediate = original;
      return slowed;
    },
  };
}

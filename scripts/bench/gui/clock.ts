/**
 * Timing an interaction inside the page, as a user sees it: from the pointer or key going down
 * (a capture listener armed before the action) to the first animation frame in which the expected
 * result is on screen. Playwright's own waiting (an option that must stop moving before it is
 * clicked, the round trips of the driver) is left out of the figure.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __benchStart?: number | undefined;
  }
}

/** Arms the clock: the next pointerdown or keydown anywhere starts it. */
export async function armClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__benchStart = undefined;
    const start = () => {
      window.__benchStart ??= performance.now();
    };
    document.addEventListener('pointerdown', start, { capture: true, once: true });
    document.addEventListener('keydown', start, { capture: true, once: true });
  });
}

/**
 * Milliseconds from the armed event to the frame in which `selector` matches an element (and, when
 * `attribute` is given, that element's attribute differs from `not`).
 */
export async function clockUntil(page: Page, selector: string, attribute?: { name: string; not: string | null }): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, attr]) => {
      const el = document.querySelector(sel);
      if (!el || window.__benchStart === undefined) return false;
      if (attr && el.getAttribute(attr.name) === attr.not) return false;
      return performance.now() - window.__benchStart;
    },
    [selector, attribute] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Locks the screen after the policy's idle minutes without a key press, click or mouse move (the
 * services end such a session too; this makes the screen follow at once, before the next call).
 */
import { useEffect } from 'react';

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number | null, lock: () => void): void {
  useEffect(() => {
    if (minutes === null || minutes <= 0) return undefined;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}

/** Loading data from the API into a component: the value, the Chinese error, a reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client.js';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | null;
  readonly loading: boolean;
  reload(): void;
}

/** Runs `load` on mount and whenever `deps` change; the latest call wins. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const call = useRef(0);
  useEffect(() => {
    const mine = ++call.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== call.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== call.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export interface Action<T> {
  readonly busy: boolean;
  readonly error: string | null;
  readonly result: T | null;
  /** Clears the last result and error, runs `call`, keeps its result or its Chinese error. */
  run(call: () => Promise<T>): Promise<T | null>;
  setError(error: string | null): void;
}

/** A button's call into the API: busy while it runs, then its result or its error. */
export function useAction<T>(): Action<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const run = useCallback(async (call: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const out = await call();
      setResult(out);
      return out;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, result, run, setError };
}

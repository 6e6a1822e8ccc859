/**
 * What the screen shows, as far as secrecy goes. A view that shows item content, answers or papers
 * declares it (`useSecretView('机密')`); the banner then names the highest mark on screen and the
 * watermark (user, time, workstation id) covers the window — it deters photographing the screen
 * (规程: 机密 content may not be copied). Views that show only catalogue data declare nothing.
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { SECRECY_LEVELS, type SecrecyLevel } from '../../../domain/secrecy.js';

interface SecrecyRegistry {
  readonly marks: ReadonlyMap<string, SecrecyLevel>;
  add(id: string, mark: SecrecyLevel): void;
  remove(id: string): void;
}

const SecrecyContext = createContext<SecrecyRegistry | null>(null);

export function SecrecyProvider(props: { children: ReactNode }) {
  const [marks, setMarks] = useState<ReadonlyMap<string, SecrecyLevel>>(new Map());
  // add and remove stay the same functions for the provider's life: a view's effect depends on them,
  // and new functions on every change of the marks would make it remove and add itself forever
  const add = useCallback((id: string, mark: SecrecyLevel) => setMarks((m) => (m.get(id) === mark ? m : new Map(m).set(id, mark))), []);
  const remove = useCallback(
    (id: string) =>
      setMarks((m) => {
        if (!m.has(id)) return m;
        const next = new Map(m);
        next.delete(id);
        return next;
      }),
    [],
  );
  const value = useMemo<SecrecyRegistry>(() => ({ marks, add, remove }), [marks, add, remove]);
  return <SecrecyContext.Provider value={value}>{props.children}</SecrecyContext.Provider>;
}

/** Declares that the calling view shows content of this mark (null: nothing secret) while mounted. */
export function useSecretView(mark: SecrecyLevel | null): void {
  const registry = useContext(SecrecyContext);
  const id = useId();
  const add = registry?.add;
  const remove = registry?.remove;
  useEffect(() => {
    if (!mark || !add || !remove) return undefined;
    add(id, mark);
    return () => remove(id);
  }, [id, mark, add, remove]);
}

/** The highest mark on screen, or null. */
export function useHighestMark(): SecrecyLevel | null {
  const registry = useContext(SecrecyContext);
  const marks = [...(registry?.marks.values() ?? [])];
  return SECRECY_LEVELS.find((level) => marks.includes(level)) ?? null;
}

/**
 * A small hash router: the route is `#/path`, matched against the patterns of routes.tsx
 * (`/banks/:bankId/items`). No history API and no server: the app is served from files.
 */
import { useEffect, useState, type ReactNode, type MouseEvent } from 'react';

export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function navigate(path: string): void {
  if (currentPath() !== path) window.location.hash = path;
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/** The parameters of `path` under `pattern`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('?')[0]!.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(s[i]!);
    else if (part !== s[i]) return null;
  }
  return params;
}

/** The query of the current hash (`#/banks/1/items?q=…`). */
export function queryOf(path: string): URLSearchParams {
  const i = path.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : path.slice(i + 1));
}

export function Link(props: { to: string; children: ReactNode; testId?: string }) {
  const onClick = (e: MouseEvent) => {
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={`#${props.to}`} onClick={onClick} data-testid={props.testId}>
      {props.children}
    </a>
  );
}

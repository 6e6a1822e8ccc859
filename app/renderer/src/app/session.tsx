/** The desktop state (stage, user, workstation id) shared by every screen. */
import { createContext, useContext } from 'react';
import type { DesktopApi } from '../api/client.js';

export type DesktopState = Awaited<ReturnType<DesktopApi['state']>>;
export type DesktopUser = NonNullable<DesktopState['user']>;

export interface SessionValue {
  readonly state: DesktopState;
  /** Re-reads the state (after login, logout, password change …). */
  refresh(): Promise<void>;
  /** Replaces the state with one a desktop call returned. */
  set(state: DesktopState): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

/** The logged-in user (screens inside the shell only). */
export function useUser(): DesktopUser {
  const user = useSession().state.user;
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

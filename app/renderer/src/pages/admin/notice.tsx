/**
 * The outcome of the last action on an admin screen: a success line, or the service's refusal in its
 * own Chinese words (e.g. 权限不足：“授予角色”需要安全保密管理员身份). `act(fn, success)` runs an
 * action, shows what came of it and resolves with its value (undefined when it was refused).
 */
import { Alert } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.js';

interface Outcome {
  readonly type: 'success' | 'error';
  readonly text: string;
}

export interface Notice {
  /** The line to render above the screen's content (null when nothing happened yet). */
  readonly view: ReactNode;
  act<T>(fn: () => Promise<T>, success: (value: T) => string): Promise<T | undefined>;
  clear(): void;
}

export function useNotice(testId: string): Notice {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const act = useCallback(async <T,>(fn: () => Promise<T>, success: (value: T) => string): Promise<T | undefined> => {
    try {
      const value = await fn();
      setOutcome({ type: 'success', text: success(value) });
      return value;
    } catch (e) {
      setOutcome({ type: 'error', text: errorMessage(e) });
      return undefined;
    }
  }, []);
  const clear = useCallback(() => setOutcome(null), []);
  const view = outcome ? <Alert type={outcome.type} showIcon closable={{ onClose: clear }} title={outcome.text} data-testid={testId} style={{ marginBottom: 12 }} /> : null;
  return { view, act, clear };
}

import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Actor } from '../../app/domain/roles.js';
import { createContext, LOCAL_OPERATOR, type ServiceContext } from '../../app/services/context.js';
import { closeWorkstation, openWorkstation } from '../../app/services/workstation.js';
import type { WritableDB } from '../../app/store/database.js';
import { useTempDir } from './tmp.js';

/** A real workstation database in a temp folder, closed after the test. */
export function useWorkstation(): (actor?: Actor) => ServiceContext & { dir: string } {
  const tempDir = useTempDir();
  const open: WritableDB[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) closeWorkstation(db);
  });
  return (actor = LOCAL_OPERATOR) => {
    const dir = tempDir();
    const db = openWorkstation(join(dir, 'qbank.db'), { create: true });
    open.push(db);
    let t = Date.parse('2026-11-23T08:00:00Z');
    return { ...createContext(db, actor, () => new Date((t += 1000))), dir };
  };
}

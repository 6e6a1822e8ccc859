/**
 * The triggers that make a log table append-only (no UPDATE, no DELETE) with consecutive `seq`:
 * the access log and the signed checkpoints (规程第十六条: the registers cannot be altered).
 */
export function appendOnlyTriggers(table: string, noun: string, triggerPrefix: string = table): string {
  return `
    CREATE TRIGGER ${triggerPrefix}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${noun}只能追加，不能修改'); END;
    CREATE TRIGGER ${triggerPrefix}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${noun}只能追加，不能删除'); END;
    CREATE TRIGGER ${triggerPrefix}_sequential BEFORE INSERT ON ${table}
    WHEN NEW.seq IS NULL OR NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${table})
    BEGIN SELECT RAISE(ABORT, '${noun}序号必须连续'); END;
  `;
}

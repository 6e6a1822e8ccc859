/** Errors of the store layer, each with a Chinese message the shells show as is. */

export class StoreError extends Error {
  override name = 'StoreError';
}

/** The file is not a database of this program, or it is damaged (or encrypted with another key). */
export class NotADatabaseError extends StoreError {
  override name = 'NotADatabaseError';
  constructor(readonly file: string, detail: string) {
    super(`文件 ${file} 不是题库数据库，或已损坏，或口令不正确（${detail}）`);
  }
}

/**
 * SQLite's answer when a page of the (encrypted) file fails its check on reading: changed or damaged on
 * disk after it was opened (only the first pages are read at open).
 */
export function isDamagedPageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  return /database disk image is malformed/.test(String((e as Error | null)?.message));
}

/** The database was written by a newer version of the program. */
export class SchemaTooNewError extends StoreError {
  override name = 'SchemaTooNewError';
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库 ${file} 的结构版本为 ${found}，高于本程序支持的版本 ${supported}；请使用更新版本的题库工作站打开，本程序未作任何修改`);
  }
}

export class DatabaseMissingError extends StoreError {
  override name = 'DatabaseMissingError';
  constructor(readonly file: string) {
    super(`数据库文件 ${file} 不存在；请先运行 qbank init 创建`);
  }
}

export class MigrationError extends StoreError {
  override name = 'MigrationError';
  constructor(
    readonly version: number,
    cause: unknown,
  ) {
    super(`数据库升级到结构版本 ${version} 失败，已回滚，数据未改变：${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A row that should exist does not. */
export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
}

/** A write that would break a uniqueness or reference rule. */
export class ConflictError extends StoreError {
  override name = 'ConflictError';
}

/** A stored value does not read back as what was saved: the database was changed outside the program or is damaged. */
export class CorruptDataError extends StoreError {
  override name = 'CorruptDataError';
  constructor(readonly subject: string, detail: string) {
    super(`${subject}的内容已损坏，无法读取（${detail}）`);
  }
}

import type { Migration } from './index.js';

const ADMIN = `('sysadmin', 'secadmin', 'auditor')`;

/** Two different roles of one account conflict when at least one of them is one of the 三员. */
const conflicts = (a: string, b: string): string => `(${a} <> ${b} AND (${a} IN ${ADMIN} OR ${b} IN ${ADMIN}))`;

const MESSAGE = `'三员分立：系统管理员、安全保密管理员、安全审计员须由三个不同的账号担任，且不能兼任题库管理员、命题人员或审核专家'`;

const ROLE_NAME = `CASE r.role WHEN 'sysadmin' THEN '系统管理员' WHEN 'secadmin' THEN '安全保密管理员' WHEN 'auditor' THEN '安全审计员'
  WHEN 'manager' THEN '题库管理员' WHEN 'author' THEN '命题人员' WHEN 'reviewer' THEN '审核专家' ELSE r.role END`;

/**
 * 三员分立 complete (the rule of app/domain/account.ts, roleCombinationRules): the 系统管理员, the
 * 安全保密管理员 and the 安全审计员 are three different accounts, and none of them holds a content role.
 * 0060 kept only the 安全审计员 apart; its trigger is replaced by one that refuses every forbidden
 * pair, on INSERT and on UPDATE, so no code path (nor raw SQL) can combine them.
 *
 * A database that already holds a forbidden combination is NOT migrated: the migration aborts with the
 * accounts and their roles named, the transaction rolls back and the file stays at 0130, which the
 * previous program version still opens. The program does not choose which of a person's duties to
 * take away: the 安全保密管理员 revokes the surplus roles there (each revocation is logged in the 权限
 * register with its actor, which a migration could not do), then upgrades.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'role-separation',
  sql: `
    CREATE TEMP TABLE role_separation_refusal (message TEXT NOT NULL);
    CREATE TEMP TRIGGER role_separation_refuse BEFORE INSERT ON role_separation_refusal
    BEGIN SELECT RAISE(ABORT, NEW.message); END;
    INSERT INTO role_separation_refusal (message)
    SELECT '三员分立：以下账号的角色组合已不允许（三员须由不同的人担任，且不能兼任题库管理员、命题人员或审核专家）：'
        || group_concat(held, '；' ORDER BY username)
        || '。数据库未升级、未作任何修改；请先用原版本程序由安全保密管理员收回多余的角色，再用本程序打开'
    FROM (
      SELECT a.username, a.username || '（' || group_concat(${ROLE_NAME}, '、' ORDER BY r.rowid) || '）' AS held
      FROM accounts a JOIN account_roles r ON r.account_id = a.id
      GROUP BY a.id
      HAVING sum(r.role IN ${ADMIN}) >= 2 OR (sum(r.role IN ${ADMIN}) = 1 AND count(*) >= 2)
    )
    HAVING count(*) > 0;
    DROP TRIGGER temp.role_separation_refuse;
    DROP TABLE temp.role_separation_refusal;

    DROP TRIGGER account_roles_separation;

    CREATE TRIGGER account_roles_separation BEFORE INSERT ON account_roles
    WHEN EXISTS (SELECT 1 FROM account_roles o WHERE o.account_id = NEW.account_id AND ${conflicts('o.role', 'NEW.role')})
    BEGIN SELECT RAISE(ABORT, ${MESSAGE}); END;

    CREATE TRIGGER account_roles_separation_update BEFORE UPDATE OF account_id, role ON account_roles
    WHEN EXISTS (SELECT 1 FROM account_roles o WHERE o.account_id = NEW.account_id AND o.rowid <> OLD.rowid AND ${conflicts('o.role', 'NEW.role')})
    BEGIN SELECT RAISE(ABORT, ${MESSAGE}); END;
  `,
};

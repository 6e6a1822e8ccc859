import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, CONTENT_ROLES, FORBIDDEN_ROLE_PAIRS, roleCombinationRules } from '../../../app/domain/account.js';
import { ROLES, type Role } from '../../../app/domain/roles.js';

const ALL_PAIRS = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as const));
const isAdmin = (r: Role) => (ADMIN_ROLES as readonly Role[]).includes(r);

describe('account', () => {
  describe('#roleCombinationRules', () => {
    it('accepts any single role and no role', () => {
      expect(roleCombinationRules([])).toEqual([]);
      for (const r of ROLES) expect(roleCombinationRules([r]), r).toEqual([]);
    });

    it.each(ALL_PAIRS)('judges %s with %s: forbidden exactly when one of them is one of the 三员', (a, b) => {
      const problems = roleCombinationRules([a, b]);
      expect(problems.length).toBe(isAdmin(a) || isAdmin(b) ? 1 : 0);
      expect(roleCombinationRules([b, a])).toEqual(problems);
      for (const p of problems) {
        expect(p.path).toEqual(['roles']);
        expect(p.message).toContain('三员分立');
      }
    });

    it('says why: two of the 三员 are different people, and administrators do not touch content', () => {
      expect(roleCombinationRules(['sysadmin', 'secadmin'])[0]?.message).toBe('同一账号不能同时担任系统管理员和安全保密管理员（三员分立：三员须由不同的人担任）');
      expect(roleCombinationRules(['auditor', 'reviewer'])[0]?.message).toBe('安全审计员不能兼任审核专家（三员分立：管理员不接触试题内容）');
    });

    it('names every conflict of a set at once (all six roles: 12 conflicts)', () => {
      expect(roleCombinationRules(ROLES)).toHaveLength(12);
      expect(roleCombinationRules([...CONTENT_ROLES])).toEqual([]);
      expect(FORBIDDEN_ROLE_PAIRS).toHaveLength(ALL_PAIRS.filter(([a, b]) => isAdmin(a) || isAdmin(b)).length);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, labelPath, validate, validateOrThrow, DomainValidationError } from '../../../app/domain/validation.js';

describe('validation', () => {
  it('names the value given when it is not one of the allowed values', () => {
    const schema = z.object({ role: z.enum(['方法专家', '内容专家']), level: z.literal(2).or(z.literal(3)) });
    const r = validate(schema, { role: '专家', level: 3 });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['“专家”不是可用的值，必须是以下之一：方法专家、内容专家']);
    // A long text or an object is not repeated back.
    const long = validate(schema, { role: '专'.repeat(41), level: 2 });
    expect(long.ok ? [] : long.problems.map((p) => p.message)).toEqual(['必须是以下之一：方法专家、内容专家']);
  });

  describe('#labelPath', () => {
    it('names options by letter', () => {
      expect(labelPath(['options', 2])).toBe('选项C');
    });
    it('names table rows by row number and the field in Chinese', () => {
      expect(labelPath(['rubric', 2, 'points'])).toBe('评分标准第3行 配分');
      expect(labelPath(['siteNotice', 'tools', 0, 'unit'])).toBe('考场准备通知单 工具第1行 单位');
    });
    it('keeps unknown keys as they are', () => {
      expect(labelPath(['mystery'])).toBe('mystery');
    });
  });

  describe('#validate', () => {
    const schema = z.object({ stem: z.string().trim().min(1), options: z.array(z.string().min(1)).length(4), difficulty: z.number().int().min(1).max(5) });

    it('reports every problem in Chinese with the field named', () => {
      const r = validate(schema, { stem: ' ', options: ['a', 'b', '', 'd'], difficulty: 7 });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = r.problems.map((p) => formatProblem(p, '第12行'));
      expect(lines).toContain('第12行 题干: 不能为空');
      expect(lines).toContain('第12行 选项C: 不能为空');
      expect(lines).toContain('第12行 难度: 不能大于 5');
    });

    it('says a missing field is required and a wrong type what it should be', () => {
      const r = validate(schema, { options: ['a', 'b', 'c', 'd'], difficulty: 'hard' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => formatProblem(p))).toEqual(['题干: 不能为空', '难度: 格式不正确（应为数字）']);
    });

    it('runs the cross-field rules only on well-formed data and keeps warnings apart', () => {
      const r = validate(schema, { stem: 'x', options: ['a', 'b', 'c', 'd'], difficulty: 3 }, () => [
        { severity: 'warning', path: [], field: '', message: '提示' },
      ]);
      expect(r.ok && r.warnings.length).toBe(1);
    });
  });

  describe('#validateOrThrow', () => {
    it('throws a DomainValidationError that names the subject', () => {
      expect(() => validateOrThrow('试题', z.object({ stem: z.string().min(1) }), { stem: '' })).toThrow(
        new DomainValidationError('试题', [{ severity: 'error', path: ['stem'], field: '题干', message: '不能为空' }]),
      );
      expect(() => validateOrThrow('试题', z.object({ stem: z.string().min(1) }), { stem: '' })).toThrow('试题：题干: 不能为空');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKING, DOCUMENT_CLASSES, markingPolicySchema, markText } from '../../../app/domain/submission/marking.js';
import { DEFAULT_SECRECY } from '../../../app/domain/secrecy.js';

describe('secrecy marks per document class', () => {
  it('marks items and answers with the bank mark, documents about the bank 工作秘密, the candidates’ notice not at all', () => {
    const marks = Object.fromEntries(DOCUMENT_CLASSES.map((c) => [c, markText(c, DEFAULT_SECRECY)]));
    expect(marks).toEqual({
      theoryPaper: '机密★启用前',
      answerKey: '机密★启用前',
      practicalPaper: '机密★启用前',
      scoreSheet: '机密★启用前',
      comprehensivePaper: '机密★启用前',
      siteNotice: '工作秘密',
      candidateNotice: '',
      elementTables: '工作秘密',
      compilationNote: '工作秘密',
      reviewOpinion: '工作秘密',
      teamList: '工作秘密',
    });
    for (const c of DOCUMENT_CLASSES) expect(DEFAULT_MARKING[c].basis).toMatch(/规程|附件6/);
  });

  it('follows the bank’s own secrecy and the 安全保密管理员’s overrides', () => {
    const secrecy = { level: '机密' as const, period: '长期', beforeUse: true };
    expect(markText('answerKey', secrecy)).toBe('机密★启用前（保密期限：长期）');
    const policy = markingPolicySchema.parse({ candidateNotice: 'work', teamList: 'none' });
    expect(markText('candidateNotice', secrecy, policy)).toBe('工作秘密');
    expect(markText('teamList', secrecy, policy)).toBe('');
    expect(markText('theoryPaper', secrecy, policy)).toBe('机密★启用前（保密期限：长期）');
  });

  it('refuses an unknown class or marking', () => {
    expect(markingPolicySchema.safeParse({ poster: 'none' }).success).toBe(false);
    expect(markingPolicySchema.safeParse({ teamList: '绝密' }).success).toBe(false);
  });
});

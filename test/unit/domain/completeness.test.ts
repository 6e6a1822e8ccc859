import { describe, expect, it } from 'vitest';
import { submissionGaps, type SubmissionFacts } from '../../../app/domain/submission/completeness.js';

const complete: SubmissionFacts = { level: 4, theorySets: 3, practicalSets: 3, comprehensiveSets: 0, reviewers: 5, standardYearKnown: true, drafts: 0 };

describe('submissionGaps', () => {
  it('finds nothing in a complete level-4 submission (no 综合评审 needed)', () => {
    expect(submissionGaps(complete)).toEqual([]);
  });

  it('says loudly what a level-2 submission without 综合评审 and reviewers lacks', () => {
    const gaps = submissionGaps({ ...complete, level: 2, reviewers: 0, standardYearKnown: false, drafts: 2, practicalSets: 2 });
    expect(gaps).toEqual([
      '技能考核试卷只有 2 套，附件6 要求每职业（工种）每级别不少于 3 套',
      '二级/技师、一级/高级技师须进行综合评审，本题库还没有综合评审试卷（qbank assemble --kind comprehensive）',
      '内部审核专家只有 0 名，附件6 要求不少于 5 名（方法专家、内容专家、实际工作专家，均不属开发组）',
      '编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）',
      '2 份试卷尚未审定（草稿），报送前须审定',
    ]);
    expect(submissionGaps({ ...complete, level: 1, comprehensiveSets: 1 })).toEqual(['综合评审试卷只有 1 套，附件6 要求每职业（工种）每级别不少于 3 套']);
  });
});

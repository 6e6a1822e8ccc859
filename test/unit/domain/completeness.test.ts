import { describe, expect, it } from 'vitest';
import { assessmentMethodsText, submissionGaps, type SubmissionFacts } from '../../../app/domain/submission/completeness.js';
import { citedStandard, standardEdition } from '../../../app/domain/submission/standard.js';

const complete: SubmissionFacts = {
  level: 4,
  theorySets: 3,
  practicalSets: 3,
  comprehensiveSets: 0,
  comprehensiveItems: 0,
  reviewers: 5,
  reviewersOnTeam: [],
  reviewersWithoutCategory: [],
  unlinkedMembers: [],
  teamMembers: 2,
  standardYearKnown: true,
  drafts: 0,
};

describe('submissionGaps', () => {
  it('finds nothing in a complete level-4 submission (no 综合评审 needed)', () => {
    expect(submissionGaps(complete)).toEqual([]);
  });

  it('says loudly what a level-2 submission without 综合评审 and reviewers lacks', () => {
    const gaps = submissionGaps({ ...complete, level: 2, reviewers: 0, standardYearKnown: false, drafts: 2, practicalSets: 2 });
    expect(gaps).toEqual([
      '技能考核试卷只有 2 套，附件6 要求每职业（工种）每级别不少于 3 套',
      '二级/技师、一级/高级技师须进行综合评审（鉴定方式为理论知识考试、技能考核和综合评审），本题库没有入库的综合评审试题，申报材料缺“综合评审试题”一部分（先录入并审核入库综合评审试题）',
      '内部审核专家名单为空：审核意见和编制说明的专家表没有一个人，附件6 要求不少于 5 名（方法专家、内容专家、实际工作专家，均不属开发组；qbank access grant <题库> <用户名> reviewer，人员须登记专家类别）',
      '编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）',
      '2 份试卷尚未审定（草稿），报送前须审定',
    ]);
    // Items but no sets; too few sets.
    expect(submissionGaps({ ...complete, level: 2, comprehensiveItems: 4 })).toEqual(['二级/技师、一级/高级技师须进行综合评审，本题库还没有综合评审试卷（qbank assemble --kind comprehensive）']);
    expect(submissionGaps({ ...complete, level: 1, comprehensiveSets: 1, comprehensiveItems: 1 })).toEqual(['综合评审试卷只有 1 套，附件6 要求每职业（工种）每级别不少于 3 套']);
    expect(submissionGaps({ ...complete, level: 2, comprehensiveSets: 3, comprehensiveItems: 3 })).toEqual([]);
  });

  it('names reviewers on the development team, without an 专家类别, unlinked members, an empty team, blanks and a conflicting edition', () => {
    const gaps = submissionGaps({
      ...complete,
      reviewers: 4,
      reviewersOnTeam: ['张三'],
      reviewersWithoutCategory: ['李四', '王五'],
      unlinkedMembers: ['zhao'],
      teamMembers: 0,
      standardConflict: ['2019', '2023'],
      blankTexts: ['definition（职业定义）', 'process（开发过程）'],
    });
    expect(gaps).toEqual([
      '内部审核专家只有 4 名，附件6 要求不少于 5 名（方法专家、内容专家、实际工作专家，均不属开发组）',
      '审核专家 张三 同时是本题库的题库管理员或命题人员，附件6 要求内部审核专家不属开发组；已只列入开发组名单，未计入审核专家',
      '审核专家 李四、王五 没有登记专家类别（方法专家、内容专家、实际工作专家），未列入专家表（qbank people update <人员编号> --expert-role 内容专家）',
      '题库开发组成员名单为空（题库管理员、命题人员的账号须关联涉密人员登记：qbank accounts link）',
      '题库成员账号 zhao 没有关联涉密人员登记，不在开发组名单或专家表中（qbank accounts link <用户名> <人员编号>）',
      '国家职业技能标准的名称写的是 2019 年版，standardYear 却是 2023：编制说明和试卷按名称中的 2019 年印出（qbank documents notes 改正其一）',
      '编制说明的 definition（职业定义）、process（开发过程） 没有填写，文件中印着“（待填写）”（qbank documents notes --file 说明.json 填写）',
    ]);
  });

  it('states the 鉴定方式 of each level', () => {
    expect(assessmentMethodsText(1)).toBe('理论知识考试、技能考核和综合评审');
    expect(assessmentMethodsText(2)).toBe('理论知识考试、技能考核和综合评审');
    expect(assessmentMethodsText(4)).toBe('理论知识考试和技能考核');
  });
});

describe('standardEdition: one rule for the 编制说明 and the papers', () => {
  it('takes the year from the title, else from standardYear, and cites the standard with it', () => {
    const inTitle = standardEdition('制图员', { standard: '《制图员国家职业技能标准》（2019年版）', standardYear: '' });
    expect(inTitle).toEqual({ title: '《制图员国家职业技能标准》（2019年版）', year: '2019', conflict: undefined });
    expect(citedStandard(inTitle)).toBe('《制图员国家职业技能标准》（2019年版）');
    // A filled title without a year takes the notes' year.
    const filled = standardEdition('制图员', { standard: '《制图员国家职业技能标准》', standardYear: '2019' });
    expect(filled.year).toBe('2019');
    expect(citedStandard(filled)).toBe('《制图员国家职业技能标准》（2019年版）');
    expect(citedStandard(standardEdition('制图员', { standard: '', standardYear: '' }))).toBe('《制图员国家职业技能标准》（待填写：版本年份）');
    expect(standardEdition('制图员', { standard: '《制图员国家职业技能标准》（2019年版）', standardYear: '2023' })).toMatchObject({ year: '2019', conflict: ['2019', '2023'] });
    expect(standardEdition('制图员', { standard: '《制图员国家职业技能标准》（2019年版）', standardYear: '2019' }).conflict).toBeUndefined();
  });
});

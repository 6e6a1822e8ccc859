/**
 * The free-text parts of the sample bank's 编制说明 and 审核意见, as an institution would fill them.
 * The definition is the occupation's wording in the 职业分类大典; the rest is sample text (样例).
 */
import type { SubmissionNotes } from '../domain/submission/notes.js';

export const SAMPLE_NOTES: Partial<SubmissionNotes> = {
  institution: '样例职业技能评价中心',
  definition: '使用绘图仪器、设备，根据工程或产品的设计方案、草图和技术性说明，绘制其正图（原图）、底图及其他技术图样的人员。',
  standard: '《制图员国家职业技能标准》',
  process:
    '（样例）题库开发组依据国家职业技能标准编制理论知识考核要素细目表和技能考核内容结构表，分工命题后经交叉校对、' +
    '质量检查和重复题检查，按细目表组成三套平行试卷，并组织不少于 5 名题库开发组以外的专家进行内部审核。',
  reviewOpinion: '',
};

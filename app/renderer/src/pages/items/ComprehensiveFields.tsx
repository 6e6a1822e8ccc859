/** The fields of a 综合评审 item (levels 1–2): 名称, 形式, 分值, 时间, 考核说明, 试题, 评分标准, 评分表. */
import { Input, InputNumber, Select, Space } from 'antd';
import { COMPREHENSIVE_FORMS } from '../../../../domain/comprehensive-item.js';
import { BLANK_RUBRIC, BLANK_SCORE_ROW, labelOf, LabelledItem, RowsField, RUBRIC_COLUMNS, SCORE_COLUMNS, shownBy, type FieldsProps } from './FormParts.js';
import { itemsText } from './text.js';

const t = itemsText.edit;

export const comprehensiveShown = shownBy(['title', 'form', 'points', 'minutes', 'instructions', 'question', 'rubric', 'scoreSheet'].map((k) => ({ label: labelOf(k), nested: true })));

export function ComprehensiveFields(props: FieldsProps) {
  const f = props.findings;
  return (
    <>
      <LabelledItem path={['title']} label={t.title} findings={f} required>
        <Input data-testid="field-title" style={{ maxWidth: 560 }} />
      </LabelledItem>
      <Space size="large" align="start" wrap>
        <LabelledItem path={['form']} label={t.form} findings={f} required>
          <Select style={{ width: 160 }} options={COMPREHENSIVE_FORMS.map((x) => ({ value: x, label: x }))} />
        </LabelledItem>
        <LabelledItem path={['points']} label={t.points} findings={f} required>
          <InputNumber min={0.5} max={100} step={0.5} />
        </LabelledItem>
        <LabelledItem path={['minutes']} label={t.minutes} findings={f} required>
          <InputNumber min={30} max={600} />
        </LabelledItem>
      </Space>
      <LabelledItem path={['instructions']} label={t.instructions} findings={f} nested required>
        <Input.TextArea rows={5} />
      </LabelledItem>
      <LabelledItem path={['question']} label={t.question} findings={f} required>
        <Input.TextArea data-testid="field-question" rows={6} />
      </LabelledItem>
      <RowsField name={['rubric']} title={t.rubric} columns={RUBRIC_COLUMNS} blank={BLANK_RUBRIC} disabled={props.disabled} testId="rubric" findings={f} />
      <RowsField name={['scoreSheet']} title={t.scoreSheet} columns={SCORE_COLUMNS} blank={BLANK_SCORE_ROW} disabled={props.disabled} testId="score-sheet" findings={f} />
    </>
  );
}

/**
 * The fields of a practical task (技能考核试题): 试题 (名称, 分值, 时间, 形式, 说明, 具体考核要求, 附图),
 * its 考场准备通知单 and 考生准备通知单 (设备/工具/量具/材料 rows and 其他要求) and its 评分标准.
 */
import { AutoComplete, Card, Input, InputNumber, Select, Space } from 'antd';
import { ASSESSMENT_FORMS } from '../../../../domain/practical-structure.js';
import { NOTICE_GROUPS, noticeGroupNames } from '../../../../domain/practical-task.js';
import { ImageField } from './ImageField.js';
import { BLANK_NOTICE_ROW, BLANK_RUBRIC, labelOf, LabelledItem, NOTICE_COLUMNS, RowsField, RUBRIC_COLUMNS, shownBy, type FieldsProps } from './FormParts.js';
import { itemsText } from './text.js';

const t = itemsText.edit;

export const practicalShown = shownBy([
  ...['module', 'title', 'points', 'minutes', 'form', 'description', 'requirements', 'figureNote', 'images'].map((k) => ({ label: labelOf(k), nested: true })),
  { label: labelOf('siteNotice'), nested: true },
  { label: labelOf('candidateNotice'), nested: true },
  { label: labelOf('rubric'), nested: true },
]);

function NoticeCard(props: FieldsProps & { which: 'siteNotice' | 'candidateNotice' }) {
  const title = props.which === 'siteNotice' ? t.siteNotice : t.candidateNotice;
  return (
    <Card size="small" title={title} data-testid={`notice-${props.which}`} style={{ marginBottom: 16 }}>
      {NOTICE_GROUPS.map((g) => (
        <RowsField
          key={g}
          name={[props.which, g]}
          title={noticeGroupNames[g]}
          columns={NOTICE_COLUMNS}
          blank={BLANK_NOTICE_ROW}
          disabled={props.disabled}
          testId={`${props.which}-${g}`}
          findings={props.findings}
        />
      ))}
      <LabelledItem path={[props.which, 'notes']} label={t.noticeNotes} findings={props.findings} nested>
        <Input.TextArea rows={1} />
      </LabelledItem>
    </Card>
  );
}

export function PracticalFields(props: FieldsProps & { modules: readonly string[] }) {
  const f = props.findings;
  return (
    <>
      <Space size="large" align="start" wrap>
        <LabelledItem path={['module']} findings={f} required>
          <AutoComplete data-testid="field-module" style={{ width: 100 }} options={props.modules.map((m) => ({ value: m }))} />
        </LabelledItem>
        <LabelledItem path={['title']} label={t.title} findings={f} required>
          <Input data-testid="field-title" style={{ width: 360 }} />
        </LabelledItem>
      </Space>
      <Space size="large" align="start" wrap>
        <LabelledItem path={['points']} label={t.points} findings={f} required>
          <InputNumber min={0.5} max={100} step={0.5} />
        </LabelledItem>
        <LabelledItem path={['minutes']} label={t.minutes} findings={f} required>
          <InputNumber min={1} max={600} />
        </LabelledItem>
        <LabelledItem path={['form']} label={t.form} findings={f} required>
          <Select style={{ width: 120 }} options={ASSESSMENT_FORMS.map((x) => ({ value: x, label: x }))} />
        </LabelledItem>
      </Space>
      <LabelledItem path={['description']} label={t.description} findings={f} required>
        <Input.TextArea data-testid="field-description" rows={4} />
      </LabelledItem>
      <LabelledItem path={['requirements']} label={t.requirements} findings={f} nested required>
        <Input.TextArea rows={6} />
      </LabelledItem>
      <LabelledItem path={['figureNote']} label={t.figureNote} findings={f}>
        <Input.TextArea rows={1} />
      </LabelledItem>
      <LabelledItem path={['images']} label={t.images} findings={f} nested>
        <ImageField bankId={props.bankId} disabled={props.disabled} />
      </LabelledItem>
      <NoticeCard {...props} which="siteNotice" />
      <NoticeCard {...props} which="candidateNotice" />
      <RowsField name={['rubric']} title={t.rubric} columns={RUBRIC_COLUMNS} blank={BLANK_RUBRIC} disabled={props.disabled} testId="rubric" findings={f} />
    </>
  );
}

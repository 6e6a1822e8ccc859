/** The fields of a theory item: 题干, 选项 A–D (E for 多选), 答案, 难度, 鉴定点, 解析, 图片 — findings beside each. */
import { AutoComplete, Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { OPTION_LETTERS, type TheoryItemType } from '../../../../domain/theory-item.js';
import { ImageField } from './ImageField.js';
import { labelOf, LabelledItem, shownBy, type FieldsProps } from './FormParts.js';
import { itemsText } from './text.js';

const t = itemsText.edit;

/** The fields whose findings appear beside them (the rest go over the form). */
export const theoryShown = shownBy([
  ...['stem', 'options', 'key', 'difficulty', 'element', 'explanation', 'images'].map((k) => ({ label: labelOf(k) })),
  ...OPTION_LETTERS.map((_l, i) => ({ label: labelOf('options', i) })),
]);

function KeyField(props: { type: TheoryItemType; optionCount: number; findings: FieldsProps['findings'] }) {
  if (props.type === 'multipleChoice') {
    return (
      <LabelledItem path={['keys']} label={t.key} findings={props.findings.filter((f) => f.field === labelOf('key'))}>
        <Checkbox.Group data-testid="field-key" options={OPTION_LETTERS.slice(0, props.optionCount).map((l) => ({ value: l, label: l }))} />
      </LabelledItem>
    );
  }
  const options = props.type === 'trueFalse' ? [{ value: '√', label: t.keyTrue }, { value: '×', label: t.keyFalse }] : OPTION_LETTERS.slice(0, 4).map((l) => ({ value: l, label: l }));
  return (
    <LabelledItem path={['key']} findings={props.findings}>
      <Radio.Group data-testid="field-key" options={options} />
    </LabelledItem>
  );
}

function OptionsField(props: { type: TheoryItemType; findings: FieldsProps['findings']; disabled: boolean }) {
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <LabelledItem key={field.key} path={['options', i]} name={[field.name]} findings={props.findings}>
              <Input data-testid={`field-option-${OPTION_LETTERS[i] ?? i}`} />
            </LabelledItem>
          ))}
          {props.type === 'multipleChoice' && !props.disabled && (
            <Space style={{ marginBottom: 12 }}>
              {fields.length < 5 && <Button onClick={() => add('')}>{t.addOption}</Button>}
              {fields.length === 5 && <Button onClick={() => remove(4)}>{t.removeOption}</Button>}
            </Space>
          )}
        </>
      )}
    </Form.List>
  );
}

export function TheoryFields(props: FieldsProps & { type: TheoryItemType; elements: readonly string[] }) {
  const options = Form.useWatch<string[] | undefined>('options');
  const findings = props.findings;
  return (
    <>
      <Form.Item name="type" label={t.type}>
        <Select disabled options={(['trueFalse', 'singleChoice', 'multipleChoice'] as const).map((k) => ({ value: k, label: itemsText.types[k] }))} style={{ width: 200 }} />
      </Form.Item>
      <LabelledItem path={['stem']} findings={findings} required>
        <Input.TextArea data-testid="field-stem" rows={3} />
      </LabelledItem>
      {props.type !== 'trueFalse' && <OptionsField type={props.type} findings={findings} disabled={props.disabled} />}
      <KeyField type={props.type} optionCount={options?.length ?? 4} findings={findings} />
      <Space size="large" align="start" wrap>
        <LabelledItem path={['difficulty']} findings={findings}>
          <Select
            data-testid="field-difficulty"
            style={{ width: 140 }}
            options={[0, 1, 2, 3, 4, 5].map((d) => ({ value: d, label: d === 0 ? '未定' : itemsText.filters.difficultyOption(d) }))}
          />
        </LabelledItem>
        <LabelledItem path={['element']} findings={findings}>
          <AutoComplete
            data-testid="field-element"
            style={{ width: 220 }}
            options={props.elements.map((e) => ({ value: e }))}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').startsWith(input.trim().toUpperCase()) }}
          />
        </LabelledItem>
      </Space>
      <LabelledItem path={['explanation']} findings={findings}>
        <Input.TextArea rows={1} />
      </LabelledItem>
      <LabelledItem path={['images']} findings={findings} nested>
        <ImageField bankId={props.bankId} disabled={props.disabled} />
      </LabelledItem>
    </>
  );
}

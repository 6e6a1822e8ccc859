/**
 * Pieces the three editors share: a table of rows as a Form.List (通知单 rows, 评分标准, 评分表), a
 * field label matched to the lint findings that name it, and the test of which findings a form shows.
 */
import { Button, Form, Input, InputNumber, Space } from 'antd';
import type { ReactNode } from 'react';
import { labelPath } from '../../../../domain/validation.js';
import { FieldFindings } from './Findings.js';
import { findingsAt, type LintFinding } from './model.js';
import { itemsText } from './text.js';

export interface FieldsProps {
  readonly bankId: number;
  readonly findings: readonly LintFinding[];
  readonly disabled: boolean;
}

/** The Chinese label the services and lint give the field at `path` (`选项C`, `评分标准`). */
export const labelOf = (...path: (string | number)[]): string => labelPath(path);

/** A Form.Item whose `extra` lists the findings naming its field (nested: anything under it). */
export function LabelledItem(props: {
  path: (string | number)[];
  /** The Form.Item name when it differs from `path` (relative to a Form.List). */
  name?: (string | number)[];
  findings: readonly LintFinding[];
  nested?: boolean;
  label?: string;
  children: ReactNode;
  required?: boolean;
  valuePropName?: string;
}) {
  const label = labelOf(...props.path);
  const found = findingsAt(props.findings, label, props.nested);
  return (
    <Form.Item
      name={props.name ?? props.path}
      label={props.label ?? label}
      required={props.required}
      valuePropName={props.valuePropName}
      extra={found.length > 0 ? <FieldFindings findings={found} /> : undefined}
      validateStatus={found.some((f) => f.severity === 'error') ? 'error' : found.some((f) => f.severity === 'warning') ? 'warning' : undefined}
    >
      {props.children}
    </Form.Item>
  );
}

/** A predicate: the finding is shown beside one of these fields (so the summary leaves it out). */
export function shownBy(labels: readonly { label: string; nested?: boolean }[]): (f: LintFinding) => boolean {
  return (f) => labels.some((l) => findingsAt([f], l.label, l.nested).length > 0);
}

export interface RowColumn {
  readonly key: string;
  readonly label: string;
  readonly width: number;
  readonly kind?: 'text' | 'area' | 'number';
}

/** Rows of a table (`name`: the Form.List path) with one input per column; add and remove rows. */
export function RowsField(props: { name: (string | number)[]; columns: readonly RowColumn[]; disabled: boolean; blank: Record<string, unknown>; testId: string; findings: readonly LintFinding[]; title: string }) {
  const label = labelOf(...props.name);
  const found = findingsAt(props.findings, label, true);
  return (
    <Form.Item label={props.title} extra={found.length > 0 ? <FieldFindings findings={found} /> : undefined}>
      <Form.List name={props.name}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid={props.testId}>
            {fields.length > 0 && (
              <Space size={4} style={{ color: '#8c8c8c' }}>
                {props.columns.map((c) => (
                  <span key={c.key} style={{ display: 'inline-block', width: c.width }}>
                    {c.label}
                  </span>
                ))}
              </Space>
            )}
            {fields.map((field) => (
              <Space key={field.key} size={4} align="start">
                {props.columns.map((c) => (
                  <Form.Item key={c.key} name={[field.name, c.key]} noStyle>
                    {c.kind === 'number' ? (
                      <InputNumber min={0} max={100} step={0.5} style={{ width: c.width }} aria-label={c.label} />
                    ) : c.kind === 'area' ? (
                      <Input.TextArea rows={2} style={{ width: c.width }} aria-label={c.label} />
                    ) : (
                      <Input style={{ width: c.width }} aria-label={c.label} />
                    )}
                  </Form.Item>
                ))}
                {!props.disabled && <Button onClick={() => remove(field.name)}>{itemsText.edit.remove}</Button>}
              </Space>
            ))}
            {!props.disabled && (
              <Button type="dashed" onClick={() => add({ ...props.blank })}>
                {itemsText.edit.addRow}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

const col = itemsText.edit.columns;

export const RUBRIC_COLUMNS: readonly RowColumn[] = [
  { key: 'content', label: col.content, width: 130 },
  { key: 'keyPoint', label: col.keyPoint, width: 220, kind: 'area' },
  { key: 'points', label: col.points, width: 70, kind: 'number' },
  { key: 'criteria', label: col.criteria, width: 220, kind: 'area' },
  { key: 'deductionNote', label: col.deductionNote, width: 120 },
];
export const BLANK_RUBRIC = { content: '', keyPoint: '', points: 0, criteria: '', deductionNote: '' };

export const NOTICE_COLUMNS: readonly RowColumn[] = [
  { key: 'name', label: col.name, width: 140 },
  { key: 'spec', label: col.spec, width: 200 },
  { key: 'unit', label: col.unit, width: 60 },
  { key: 'quantity', label: col.quantity, width: 70 },
  { key: 'remark', label: col.remark, width: 160 },
];
export const BLANK_NOTICE_ROW = { name: '', spec: '', unit: '', quantity: '', remark: '' };

export const SCORE_COLUMNS: readonly RowColumn[] = [
  { key: 'aspect', label: col.aspect, width: 160 },
  { key: 'keyPoint', label: col.keyPoint, width: 360, kind: 'area' },
  { key: 'points', label: col.points, width: 70, kind: 'number' },
];
export const BLANK_SCORE_ROW = { aspect: '', keyPoint: '', points: 0 };

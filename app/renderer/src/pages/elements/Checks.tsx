/**
 * The live checks of a table being edited: the domain's own validation (schema and cross-field
 * rules, the same the service applies when saving), errors in red — they block saving — and
 * warnings in orange.
 */
import { Alert, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatProblem, type Problem, type Validated } from '../../../../domain/validation.js';
import { elementsText } from './text.js';

const t = elementsText.checks;

/** Every problem a validation found: its errors and warnings. */
export function problemsOf(result: Validated<unknown>): readonly Problem[] {
  return result.ok ? result.warnings : result.problems;
}

export function Checks(props: { problems: readonly Problem[]; extra?: ReactNode }) {
  const errors = props.problems.filter((p) => p.severity === 'error');
  const warnings = props.problems.filter((p) => p.severity !== 'error');
  const list = (items: readonly Problem[], type: 'danger' | 'warning', testId: string) => (
    <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid={testId}>
      {items.map((p, i) => (
        <li key={i}>
          <Typography.Text type={type}>{formatProblem(p)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
  const title = errors.length > 0 ? t.errors(errors.length) : warnings.length > 0 ? t.warnings(warnings.length) : t.ok;
  return (
    <Alert
      data-testid="checks"
      data-errors={errors.length}
      type={errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'success'}
      showIcon
      title={`${t.title}：${title}`}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {props.extra}
          {errors.length > 0 && list(errors, 'danger', 'check-errors')}
          {warnings.length > 0 && list(warnings, 'warning', 'check-warnings')}
        </Space>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** Lint findings (lint.item) shown inline: beside the field they name, and the rest over the form. */
import { Space, Tag, Typography } from 'antd';
import { severityNames } from '../../../../domain/lint/messages.js';
import type { LintFinding } from './model.js';
import { itemsText } from './text.js';

const COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** The findings of one field, one line each (the `extra` of its Form.Item). */
export function FieldFindings(props: { findings: readonly LintFinding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <Space orientation="vertical" size={0} data-testid="field-findings">
      {props.findings.map((f, i) => (
        <Typography.Text key={i} type={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'secondary'}>
          <Tag color={COLORS[f.severity]}>{severityNames[f.severity]}</Tag>
          {f.field && f.field !== '' ? `${f.field}：` : ''}
          {f.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The count line over the form and the findings no field of the form shows. */
export function FindingsSummary(props: { findings: readonly LintFinding[] | undefined; shown: (f: LintFinding) => boolean }) {
  const all = props.findings;
  if (!all) return null;
  const rest = all.filter((f) => !props.shown(f));
  return (
    <div data-testid="lint-findings" data-count={all.length} style={{ marginBottom: 12 }}>
      <Typography.Text strong type={all.some((f) => f.severity === 'error') ? 'danger' : undefined}>
        {all.length === 0 ? itemsText.panel.noFindings : itemsText.panel.findings(all.length)}
      </Typography.Text>
      <FieldFindings findings={rest} />
    </div>
  );
}

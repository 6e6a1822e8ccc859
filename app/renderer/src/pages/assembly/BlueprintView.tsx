/**
 * 组卷蓝图与预检: what each set takes from each 鉴定范围 (by 题型) against the items in the bank, and
 * the pre-checks' findings — every finding is a proven shortage, worded by the domain, its nodes linked
 * to their items.
 */
import { Alert, Card, Space, Table, Typography } from 'antd';
import type { BlueprintNode } from '../../../../domain/assembly/blueprint.js';
import type { PaperKind } from '../../../../domain/paper.js';
import { THEORY_TYPE_SHORT_NAMES } from '../../../../domain/assembly/paper-structure.js';
import { THEORY_ITEM_TYPES } from '../../../../domain/theory-item.js';
import type { QbankApi } from '../../api/client.js';
import { CauseList } from './Causes.js';
import { assemblyText } from './text.js';

export type BlueprintResult = Awaited<ReturnType<QbankApi['assembly.blueprint']>>;

const t = assemblyText.blueprint;

function byType(counts: Readonly<Record<string, number>>): string {
  return THEORY_ITEM_TYPES.map((type) => `${THEORY_TYPE_SHORT_NAMES[type]}${counts[type] ?? 0}`).join(' / ');
}

export function BlueprintView(props: { bankId: number; kind: PaperKind; result: BlueprintResult }) {
  const { blueprint, findings, eligible, enemyPairs } = props.result;
  const theory = props.kind === 'theory';
  return (
    <Card size="small" title={t.title} data-testid="blueprint">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="blueprint-summary">{t.summary(blueprint.sets, blueprint.itemsPerSet, eligible, enemyPairs)}</Typography.Text>
        {findings.length === 0 ? (
          <Alert type="success" showIcon title={t.ok} data-testid="precheck-ok" />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t.findings(findings.length)}
            description={<CauseList bankId={props.bankId} kind={props.kind} causes={findings.map((f) => f.message)} testId="precheck-findings" />}
          />
        )}
        <Table<BlueprintNode>
          size="small"
          rowKey="path"
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={[...blueprint.nodes]}
          columns={[
            { title: t.columns.path, dataIndex: 'path', render: (path: string, n) => <span style={{ paddingLeft: (n.depth - 1) * 12 }}>{path}</span> },
            { title: t.columns.name, dataIndex: 'name' },
            { title: t.columns.weight, dataIndex: 'weight', width: 90 },
            { title: t.columns.perSet, dataIndex: 'perSet', width: 90 },
            ...(theory ? [{ title: t.columns.byType, key: 'byType', render: (_: unknown, n: BlueprintNode) => byType(n.perSetByType) }] : []),
            { title: t.columns.available, dataIndex: 'available', width: 90 },
          ]}
        />
      </Space>
    </Card>
  );
}

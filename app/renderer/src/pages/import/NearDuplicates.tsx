/**
 * The duplicates an import found, side by side: the incoming item (the head of its stem as read) and
 * the item it resembles — opened from the bank (items.get, a 调阅 in the log) or the earlier row of
 * the same file — with the score and what happens to it. The handler takes one decision for all
 * near-duplicates of an import (ask, skip, keep): it is chosen here and the dry run is run again.
 * Shows item content: the caller declares the secret view.
 */
import { Radio, Space, Table, Tag, Typography } from 'antd';
import { api, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { bankItemOf, type DuplicateFlag, type ImportReport, type Options } from './report.js';
import { importText } from './text.js';

const t = importText.near;
const DECISION_COLOR: Record<DuplicateFlag['decision'], string> = { rejected: 'red', skipped: 'default', kept: 'blue', pending: 'gold' };

/** An item's text as a reviewer compares it: the stem (or title and question) and the options. */
function itemText(item: Awaited<ReturnType<QbankApi['items.get']>>): string {
  if (item.kind === 'theory') {
    const options = 'options' in item.body ? item.body.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`) : [];
    return [item.body.stem, ...options].join('\n');
  }
  return item.kind === 'comprehensive' ? `${item.body.title}\n${item.body.question}` : item.body.title;
}

function BankItem(props: { bankId: number; itemId: number }) {
  const item = useLoad(() => api['items.get']({ bankId: props.bankId, itemId: props.itemId }), [props.bankId, props.itemId]);
  if (item.error) return <Typography.Text type="danger">{item.error}</Typography.Text>;
  return (
    <Typography.Paragraph data-testid={item.data ? `bank-item-${props.itemId}` : undefined} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {item.data ? itemText(item.data) : t.loading}
    </Typography.Paragraph>
  );
}

function Existing(props: { bankId: number; flag: DuplicateFlag; report: ImportReport }) {
  const id = bankItemOf(props.flag);
  const label = id === null ? t.inFile(props.flag.against) : t.inBank(props.flag.against);
  const fileRow = props.report.preview.find((p) => p.where === props.flag.against);
  return (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {id === null ? <Typography.Paragraph style={{ margin: 0 }}>{fileRow?.stem ?? ''}</Typography.Paragraph> : <BankItem bankId={props.bankId} itemId={id} />}
    </div>
  );
}

export function NearDuplicates(props: { bankId: number; report: ImportReport; decision: Options['nearDuplicates']; onDecision: (d: Options['nearDuplicates']) => void }) {
  const { report } = props;
  if (report.duplicates.length === 0) return null;
  const stemOf = (where: string) => report.preview.find((p) => p.where === where)?.stem ?? '';
  const c = t.columns;
  return (
    <div data-testid="near-duplicates" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{t.decisionLabel}：</span>
        <Radio.Group
          data-testid="near-decision"
          optionType="button"
          value={props.decision}
          onChange={(e) => props.onDecision(e.target.value as Options['nearDuplicates'])}
          options={[
            { value: 'ask', label: importText.choose.nearAsk },
            { value: 'skip', label: importText.choose.nearSkip },
            { value: 'keep', label: importText.choose.nearKeep },
          ]}
        />
        <Typography.Text type="secondary">{t.decisionNote}</Typography.Text>
      </Space>
      <Table<DuplicateFlag>
        size="small"
        bordered
        rowKey={(f) => `${f.where}|${f.against}`}
        pagination={false}
        dataSource={[...report.duplicates]}
        columns={[
          {
            title: c.incoming,
            width: '40%',
            render: (_: unknown, f) => (
              <div>
                <Typography.Text type="secondary">{f.where}</Typography.Text>
                <Typography.Paragraph style={{ margin: 0 }}>{stemOf(f.where)}</Typography.Paragraph>
              </div>
            ),
          },
          { title: c.score, width: 110, render: (_: unknown, f) => <Space orientation="vertical" size={0}><Tag color={f.kind === 'exact' ? 'red' : 'gold'}>{t.kind[f.kind]}</Tag>{f.score}</Space> },
          { title: c.existing, width: '40%', render: (_: unknown, f) => <Existing bankId={props.bankId} flag={f} report={report} /> },
          { title: c.decision, width: 90, render: (_: unknown, f) => <Tag color={DECISION_COLOR[f.decision]}>{t.decision[f.decision]}</Tag> },
        ]}
      />
    </div>
  );
}

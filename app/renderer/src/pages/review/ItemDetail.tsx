/**
 * The selected item version of the workbench: its code, 题型 and version (and the item's newest version
 * when it was revised since), the sets that carry it, its line of the 细目表, the item as printed with
 * its answer (the 试题 tab's preview), and the verdict: 通过 / 修改后通过 / 不通过 with the comment —
 * or, for the manager following the review, every member's verdict on it.
 */
import { Alert, Button, Card, Input, Radio, Space, Table, Tag, Typography, type GetRef } from 'antd';
import type { Ref } from 'react';
import { VERDICTS, type Verdict } from '../../../../domain/review/verdicts.js';
import { ItemPreview } from '../items/ItemPreview.js';
import { itemsText } from '../items/text.js';
import type { Draft, Row, WorkspaceItem } from './model.js';
import { reviewText, VERDICT_COLORS } from './text.js';

const t = reviewText.workspace;

export type TextAreaRef = GetRef<typeof Input.TextArea>;

export interface OthersVerdict {
  readonly name: string;
  readonly verdict: string;
  readonly comment: string;
}

export interface ItemDetailProps {
  readonly bankId: number;
  readonly row: Row;
  readonly item: WorkspaceItem;
  readonly sets: readonly string[];
  readonly element: string | null;
  /** The acting expert's draft; null for a manager (read only). */
  readonly draft: Draft | null;
  readonly others: readonly OthersVerdict[];
  readonly error: string | null;
  /** Height of the list beside it: the preview scrolls within, so the forms below stay in place. */
  readonly height: number;
  readonly commentRef: Ref<TextAreaRef>;
  onPick(v: Verdict): void;
  onComment(text: string): void;
  onSave(): void;
  /** Leaves the comment box (Escape, or after Enter saved). */
  onLeaveComment(): void;
}

function VerdictForm(props: ItemDetailProps & { draft: Draft }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="verdict-form">
      <Space wrap>
        <Typography.Text strong>{t.verdict}</Typography.Text>
        <Radio.Group
          data-testid="verdict"
          value={props.draft.verdict}
          onChange={(e) => props.onPick(e.target.value as Verdict)}
          options={VERDICTS.map((v, i) => ({ value: v, label: `${i + 1} ${v}` }))}
        />
      </Space>
      <Input.TextArea
        ref={props.commentRef}
        data-testid="verdict-comment"
        value={props.draft.comment}
        placeholder={t.comment}
        rows={2}
        maxLength={2000}
        onChange={(e) => props.onComment(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onLeaveComment();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            props.onSave();
          }
        }}
      />
      <Space>
        <Button type="primary" onClick={props.onSave} data-testid="verdict-save">
          {t.save}
        </Button>
      </Space>
      {props.error && <Alert type="error" showIcon title={props.error} data-testid="verdict-error" />}
    </Space>
  );
}

export function ItemDetail(props: ItemDetailProps) {
  const { row, item } = props;
  const revised = item.latestVersion > item.version;
  return (
    <Card
      size="small"
      data-testid="ws-detail"
      data-item={row.itemId}
      title={
        <Space wrap>
          <Typography.Text strong data-testid="ws-detail-code">
            {row.code}
          </Typography.Text>
          <span>{itemsText.types[row.type] ?? row.type}</span>
          <Tag>{t.version(row.version)}</Tag>
          {revised && <Tag color="blue">{t.revised(item.latestVersion, item.state)}</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">{t.inSets}：</Typography.Text>
          <span data-testid="ws-detail-sets">{props.sets.join('；') || t.none}</span>
        </div>
        <div>
          <Typography.Text type="secondary">{t.element}：</Typography.Text>
          <span data-testid="ws-detail-element">{props.element ?? (row.binding ? `${row.binding}（${t.noElement}）` : t.none)}</span>
        </div>
        {props.draft ? <VerdictForm {...props} draft={props.draft} /> : <Others others={props.others} />}
        <div data-testid="ws-preview" style={{ maxHeight: Math.max(240, props.height - (props.draft ? 190 : 300)), overflow: 'auto' }}>
          <ItemPreview bankId={props.bankId} kind={item.item.kind} body={item.item.body as unknown as Record<string, unknown>} initialMode="answers" />
        </div>
      </Space>
    </Card>
  );
}

function Others(props: { others: readonly OthersVerdict[] }) {
  return (
    <Table<OthersVerdict>
      size="small"
      rowKey="name"
      pagination={false}
      title={() => t.othersVerdicts}
      data-testid="ws-others"
      dataSource={[...props.others]}
      columns={[
        { title: reviewText.feedback.columns.expert, dataIndex: 'name', width: 100 },
        { title: reviewText.feedback.columns.verdict, dataIndex: 'verdict', width: 120, render: (v: string) => <Tag color={VERDICT_COLORS[v]}>{v}</Tag> },
        { title: reviewText.feedback.columns.text, dataIndex: 'comment' },
      ]}
    />
  );
}

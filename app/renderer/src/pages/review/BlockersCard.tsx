/**
 * What keeps the sets from being signed off (review.blockers): an item judged 不通过 still in a set,
 * or one judged 修改后通过 still in its reviewed version. The manager updates the set from here
 * (review.replace): the revised version in, or another item of the same 题型 in place of a rejected
 * one; the change line is shown (the new set is a draft, approved again by a reviewer).
 */
import { Alert, Button, Card, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad, type Loaded } from '../../api/hooks.js';
import { itemsText } from '../items/text.js';
import { reviewText } from './text.js';

const t = reviewText.feedback.blockers;
type Blocker = Awaited<ReturnType<QbankApi['review.blockers']>>[number];
type Catalogue = Awaited<ReturnType<QbankApi['items.list']>>;

function Replace(props: { bankId: number; blocker: Blocker; catalogue: Loaded<Catalogue>; onReplaced(change: string): void; onError(text: string): void }) {
  const { blocker } = props;
  const [withItemId, setWithItemId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const rejected = blocker.kind === 'rejected';
  const type = props.catalogue.data?.find((i) => i.id === blocker.itemId)?.type;
  const options = (props.catalogue.data ?? [])
    .filter((i) => i.type === type && i.state === '入库' && i.id !== blocker.itemId)
    .map((i) => ({ value: i.id, label: `#${i.id} ${itemsText.types[i.type] ?? i.type} ${i.binding}` }));
  const replace = async () => {
    setBusy(true);
    try {
      const out = await api['review.replace']({ bankId: props.bankId, paperId: blocker.paperId, itemId: blocker.itemId, ...(rejected && withItemId !== null ? { withItemId } : {}) });
      props.onReplaced(out.change);
    } catch (e) {
      props.onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {rejected ? (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          size="small"
          style={{ width: 260 }}
          placeholder={t.replaceHint}
          value={withItemId}
          onChange={setWithItemId}
          options={options}
          loading={props.catalogue.loading}
          data-testid={`replace-with-${blocker.paperId}-${blocker.itemId}`}
        />
      ) : (
        <Typography.Text type="secondary">{t.revisedOnly}</Typography.Text>
      )}
      <Button size="small" type="primary" loading={busy} disabled={rejected && withItemId === null} onClick={() => void replace()} data-testid={`replace-${blocker.paperId}-${blocker.itemId}`}>
        {t.update}
      </Button>
    </Space>
  );
}

export function BlockersCard(props: { bankId: number; manager: boolean; onChanged(): void }) {
  const blockers = useLoad(() => api['review.blockers']({ bankId: props.bankId }), [props.bankId]);
  const wantsCatalogue = props.manager && (blockers.data ?? []).some((b) => b.kind === 'rejected');
  const catalogue = useLoad(() => (wantsCatalogue ? api['items.list']({ bankId: props.bankId }) : Promise.resolve([] as Catalogue)), [props.bankId, wantsCatalogue]);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const list = blockers.data ?? [];
  const replaced = (change: string) => {
    setOutcome({ type: 'success', text: t.done(change) });
    blockers.reload();
    props.onChanged();
  };
  return (
    <Card size="small" title={t.title} data-testid="blockers-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {blockers.error && <Alert type="error" showIcon title={blockers.error} />}
        {outcome && <Alert type={outcome.type} showIcon title={outcome.text} data-testid={outcome.type === 'success' ? 'replace-change' : 'replace-error'} />}
        {!blockers.loading && list.length === 0 && !blockers.error && <Alert type="success" showIcon title={t.none} data-testid="blockers-none" />}
        {list.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={list}
            data-testid="blockers"
            renderItem={(b) => (
              <List.Item
                data-testid="blocker"
                extra={props.manager && <Replace bankId={props.bankId} blocker={b} catalogue={catalogue} onReplaced={replaced} onError={(text) => setOutcome({ type: 'error', text })} />}
              >
                <Typography.Text type={b.kind === 'rejected' ? 'danger' : 'warning'}>{b.message}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}

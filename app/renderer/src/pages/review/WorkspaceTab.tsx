/**
 * 审核工作台: the assignment of the round (one `review.workspace` call, logged as 调阅), the item
 * versions on the left, the selected one on the right with its verdict, and the expert's forms
 * below. Driven from the keyboard: ↑/↓ or j/k move, 1/2/3 pick the verdict, c goes to the comment,
 * Enter saves and moves to the next unjudged item. The manager sees the same, read only, with the
 * panel's verdicts. Item content is on screen: a secret view of the bank's mark.
 */
import { Alert, Card, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { panelVerdict } from '../../../../domain/review/verdicts.js';
import type { SecrecyLevel } from '../../../../domain/secrecy.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { useSecretView } from '../../app/secrecy.js';
import { ItemDetail, type TextAreaRef } from './ItemDetail.js';
import { elementLine, handlesOwnKeys, keyOf, setsOf, verdictOfKey, type Row, type Tables, type Workspace } from './model.js';
import { reviewText } from './text.js';
import { useDesk } from './useDesk.js';
import { ConcludeCard, FinalizeCard, NoteCard } from './WorkspaceForms.js';
import { WorkspaceList, type RowMark } from './WorkspaceList.js';
import { useListHeight } from '../../components/useListHeight.js';

const t = reviewText.workspace;


export function WorkspaceTab(props: { bankId: number; mark: SecrecyLevel | null }) {
  const ws = useLoad(() => api['review.workspace']({ bankId: props.bankId }), [props.bankId]);
  const tables = useLoad(() => api['banks.tables']({ bankId: props.bankId }), [props.bankId]);
  useSecretView(ws.data ? props.mark : null);
  if (ws.error) return <Alert type="error" showIcon title={ws.error} data-testid="ws-error" />;
  if (!ws.data) return <Spin description={reviewText.loading} />;
  return <Bench key={ws.data.round.id} bankId={props.bankId} ws={ws.data} tables={tables.data} />;
}

function Bench(props: { bankId: number; ws: Workspace; tables: Tables | undefined }) {
  const { ws, bankId } = props;
  const me = ws.me;
  const open = ws.round.signedAt === '';
  const d = useDesk(ws, bankId);
  const [round, setRound] = useState(ws.round);
  const [conclusions, setConclusions] = useState(ws.conclusions);
  const [notes, setNotes] = useState(() => ws.notes.filter((n) => n.personId === me?.personId).length);
  const comment = useRef<TextAreaRef>(null);
  const height = useListHeight(440);
  const byKey = useMemo(() => {
    const m = new Map<string, Workspace['verdicts'][number][]>();
    for (const v of ws.verdicts) m.set(keyOf(v), [...(m.get(keyOf(v)) ?? []), v]);
    return m;
  }, [ws.verdicts]);

  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || handlesOwnKeys(e.target)) return;
    const judging = me !== null && open;
    const verdict = verdictOfKey(e.key);
    if (e.key === 'ArrowDown' || e.key === 'j') d.move(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') d.move(-1);
    else if (verdict && judging) d.pick(verdict);
    else if (e.key === 'c' && judging) comment.current?.focus();
    else if (e.key === 'Enter' && judging) save();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  /** Saves; when a comment is missing, the cursor goes to the comment box. */
  const save = () => {
    const draft = d.desk.draft;
    if (d.save()) comment.current?.blur();
    else if (draft.verdict !== null && draft.verdict !== '通过') comment.current?.focus();
  };

  const markOf = (row: Row): RowMark => {
    if (me === null) {
      const all = byKey.get(row.key) ?? [];
      const v = panelVerdict(all.map((x) => x.verdict));
      return v ? { verdict: v, text: `${v} ${all.length}/${members}` } : { verdict: '', text: t.unjudged };
    }
    const pending = d.desk.pending.get(row.key);
    if (pending) return { verdict: pending.verdict, text: pending.verdict, pending: true };
    const saved = d.desk.saved.get(row.key);
    if (saved) return { verdict: saved.verdict, text: saved.verdict };
    return { verdict: '', text: d.judged.has(row.key) ? t.none : t.unjudged };
  };

  // an expert counts his own verdicts; the manager the items every member has judged
  const members = round.panel.members.length;
  const done = me ? d.judged.size : d.rows.filter((r) => new Set((byKey.get(r.key) ?? []).map((v) => v.personId)).size >= members).length;
  const row = d.rows[d.desk.selected];
  const item = ws.items[d.desk.selected];
  const left = d.rows.length - d.judged.size;
  const mine = me ? conclusions.find((c) => c.personId === me.personId) : undefined;
  const myName = me ? (round.panel.members.find((m) => m.personId === me.personId)?.name ?? '') : '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="workspace">
      <Card size="small">
        <Space wrap size="middle">
          <Typography.Text strong>{reviewText.round(round.round, round.startsOn, round.endsOn)}</Typography.Text>
          <Tag color={me ? 'blue' : 'default'}>{me ? (me.leader ? t.leader : t.expert) : t.observer}</Tag>
          <Typography.Text strong data-testid="review-counter" data-done={done} data-total={d.rows.length}>
            {me ? t.counter(done, d.rows.length) : t.panelCounter(done, d.rows.length)}
          </Typography.Text>
          <Typography.Text type="secondary">{me ? t.keys : t.observerIntro}</Typography.Text>
        </Space>
      </Card>
      {left === 0 && me && <Alert type="success" showIcon title={t.allDone} data-testid="ws-all-done" />}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(340px, 400px) minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
        <WorkspaceList rows={d.rows} selected={d.desk.selected} markOf={markOf} onSelect={d.select} height={height} />
        {row && item && (
          <ItemDetail
            bankId={bankId}
            row={row}
            item={item}
            sets={setsOf(ws.sets, row.itemId, row.version)}
            element={elementLine(props.tables, row)}
            draft={me && open ? d.desk.draft : null}
            others={(byKey.get(row.key) ?? []).map((v) => ({ name: v.name, verdict: v.verdict, comment: v.comment }))}
            error={d.desk.error}
            height={height}
            commentRef={comment}
            onPick={d.pick}
            onComment={d.comment}
            onSave={save}
            onLeaveComment={() => comment.current?.blur()}
          />
        )}
      </div>
      {me && open && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 16, alignItems: 'start' }}>
          <ConcludeCard
            bankId={bankId}
            roundId={round.id}
            left={left}
            mine={mine}
            personId={me.personId}
            name={myName}
            onConcluded={(c) => setConclusions((all) => [...all.filter((x) => x.personId !== c.personId), c])}
          />
          <NoteCard bankId={bankId} roundId={round.id} count={notes} onAdded={() => setNotes((n) => n + 1)} />
          {me.leader && <FinalizeCard bankId={bankId} round={round} conclusions={conclusions} onFinalized={setRound} />}
        </div>
      )}
    </Space>
  );
}

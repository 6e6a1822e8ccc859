/**
 * The panel of an open round as the manager composes it: people picked from the personnel register
 * (people.list), each with a 专家类别 and one 审核组长, and the review dates. Every change is checked
 * by `review.panel.check` (debounced) and the rules' Chinese sentences are shown live — the panel's
 * as a list, each member's as red tags on their row. 保存审核组 stores it as composed (review.panel.set).
 */
import { Alert, Button, Card, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { EXPERT_ROLES, type ExpertRole } from '../../../../domain/person.js';
import { api, errorMessage, type QbankApi } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { reviewText } from './text.js';

const t = reviewText.panel;
const CHECK_DELAY_MS = 300;

type Round = Awaited<ReturnType<QbankApi['review.rounds']>>[number];
type Check = Round['panel'];

interface Member {
  readonly personId: number;
  readonly category: ExpertRole | '';
  readonly leader: boolean;
}

const input = (members: readonly Member[]) => members.map((m) => ({ personId: m.personId, leader: m.leader, ...(m.category === '' ? {} : { category: m.category }) }));

/** `review.panel.check` on every change, the latest answer winning. */
function useLiveCheck(bankId: number, members: readonly Member[], startsOn: string, endsOn: string): { check: Check | null; error: string | null; checking: boolean } {
  const [state, setState] = useState<{ check: Check | null; error: string | null; checking: boolean }>({ check: null, error: null, checking: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, checking: true }));
    const timer = window.setTimeout(() => {
      api['review.panel.check']({ bankId, members: input(members), startsOn, endsOn }).then(
        (check) => live && setState({ check, error: null, checking: false }),
        (e: unknown) => live && setState({ check: null, error: errorMessage(e), checking: false }),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [bankId, members, startsOn, endsOn]);
  return state;
}

export function PanelEditor(props: { bankId: number; round: Round; onSaved(round: Round): void }) {
  const { round } = props;
  const people = useLoad(() => api['people.list']({}), []);
  const [members, setMembers] = useState<readonly Member[]>(() => round.panel.members.map((m) => ({ personId: m.personId, category: m.category, leader: m.leader })));
  const [startsOn, setStartsOn] = useState(round.startsOn);
  const [endsOn, setEndsOn] = useState(round.endsOn);
  const [pick, setPick] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useLiveCheck(props.bankId, members, startsOn, endsOn);
  const readOnly = round.signedAt !== '';

  const person = (id: number) => people.data?.find((p) => p.id === id);
  const viewOf = (id: number) => live.check?.members.find((m) => m.personId === id);
  const change = (next: readonly Member[]) => {
    setOutcome(null);
    setMembers(next);
  };
  const set = (id: number, patch: Partial<Member>) => change(members.map((m) => (m.personId === id ? { ...m, ...patch } : patch.leader === true ? { ...m, leader: false } : m)));
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api['review.panel.set']({ bankId: props.bankId, roundId: round.id, members: input(members), startsOn, endsOn });
      setOutcome({ type: 'success', text: t.saved(saved.panel.members.length) });
      props.onSaved(saved);
    } catch (e) {
      setOutcome({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const candidates = (people.data ?? []).filter((p) => !members.some((m) => m.personId === p.id));
  const rows = members.map((m) => ({ ...m, view: viewOf(m.personId), person: person(m.personId) }));
  return (
    <Card size="small" title={t.editor(round.round)} data-testid="panel-editor">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{readOnly ? t.signedReadOnly : t.intro}</Typography.Text>
        {people.error && <Alert type="error" showIcon title={people.error} />}
        <Space wrap>
          <Typography.Text>{t.startsOn}</Typography.Text>
          <Input type="date" value={startsOn} disabled={readOnly} onChange={(e) => {
              setOutcome(null);
              setStartsOn(e.target.value);
            }} data-testid="panel-starts" />
          <Typography.Text>{t.endsOn}</Typography.Text>
          <Input type="date" value={endsOn} disabled={readOnly} onChange={(e) => {
              setOutcome(null);
              setEndsOn(e.target.value);
            }} data-testid="panel-ends" />
        </Space>
        {!readOnly && (
          <Space wrap>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={pick}
              onChange={setPick}
              placeholder={t.pick}
              style={{ width: 420 }}
              data-testid="panel-pick"
              options={candidates.map((p) => ({ value: p.id, label: `${p.name}（${p.unit}，${p.expertRole ?? t.noCategory}）` }))}
            />
            <Button
              disabled={pick === null}
              data-testid="panel-add"
              onClick={() => {
                if (pick !== null) change([...members, { personId: pick, category: person(pick)?.expertRole ?? '', leader: false }]);
                setPick(null);
              }}
            >
              {t.add}
            </Button>
          </Space>
        )}
        <Table
          size="small"
          rowKey="personId"
          pagination={false}
          data-testid="panel-members"
          locale={{ emptyText: t.empty }}
          dataSource={rows}
          onRow={(r) => ({ 'data-testid': `member-${r.personId}` }) as object}
          columns={[
            { title: t.columns2.name, width: 90, render: (_: unknown, r) => <Typography.Text strong>{r.view?.name ?? r.person?.name ?? `#${r.personId}`}</Typography.Text> },
            { title: t.columns2.unit, width: 220, render: (_: unknown, r) => `${r.view?.unit ?? r.person?.unit ?? ''} ${r.view?.title ?? r.person?.title ?? ''}` },
            {
              title: t.columns2.category,
              width: 150,
              render: (_: unknown, r) => (
                <Select
                  size="small"
                  value={r.category || r.view?.category || null}
                  disabled={readOnly}
                  style={{ width: 130 }}
                  onChange={(v: ExpertRole) => set(r.personId, { category: v })}
                  options={EXPERT_ROLES.map((c) => ({ value: c, label: c }))}
                  data-testid={`member-category-${r.personId}`}
                />
              ),
            },
            {
              title: t.columns2.leader,
              width: 80,
              render: (_: unknown, r) => <Radio checked={r.leader} disabled={readOnly} onChange={() => set(r.personId, { leader: true })} data-testid={`member-leader-${r.personId}`} />,
            },
            { title: t.columns2.account, width: 90, render: (_: unknown, r) => r.view?.account ?? <Typography.Text type="secondary">{t.noAccount}</Typography.Text> },
            {
              title: t.columns2.problems,
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={2} data-testid={`member-problems-${r.personId}`}>
                  {(r.view?.problems ?? []).map((p) => (
                    <Tag key={p} color="red" style={{ whiteSpace: 'normal' }}>
                      {p}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t.columns2.actions,
              width: 70,
              render: (_: unknown, r) =>
                !readOnly && (
                  <Button size="small" danger onClick={() => change(members.filter((m) => m.personId !== r.personId))} data-testid={`member-remove-${r.personId}`}>
                    {t.remove}
                  </Button>
                ),
            },
          ]}
        />
        {live.error && <Alert type="error" showIcon title={live.error} data-testid="panel-check-error" />}
        {live.check && live.check.problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t.problems(live.check.problems.length)}
            data-testid="panel-problems"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {live.check.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        {live.check?.ok && <Alert type="success" showIcon title={t.valid} data-testid="panel-valid" />}
        {live.checking && !live.check && !live.error && <Typography.Text type="secondary">{t.checking}</Typography.Text>}
        {!readOnly && (
          <Space>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="panel-save">
              {t.save}
            </Button>
          </Space>
        )}
        {outcome && <Alert type={outcome.type} showIcon title={outcome.text} data-testid={outcome.type === 'error' ? 'panel-save-error' : 'panel-saved'} />}
      </Space>
    </Card>
  );
}

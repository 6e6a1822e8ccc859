/**
 * 理论知识试卷结构: one of the domain's presets (THEORY_PRESETS) or a structure of one's own — per 题型
 * whether it is used, its count and points per item, and the minutes. The service checks it (总分 100,
 * 90–240 分钟 …) and its Chinese refusal is shown as it is.
 */
import { Alert, Button, Card, Checkbox, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { structureName, THEORY_PRESETS, THEORY_TYPE_SHORT_NAMES, type TheoryStructure } from '../../../../domain/assembly/paper-structure.js';
import { formatPoints, roundTo } from '../../../../domain/format.js';
import { THEORY_ITEM_TYPES, type TheoryItemType } from '../../../../domain/theory-item.js';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { assemblyText } from './text.js';

const t = assemblyText.structure;
const CUSTOM = 'custom';

interface Row {
  readonly type: TheoryItemType;
  readonly used: boolean;
  readonly count: number;
  readonly pointsEach: number;
}

function rowsOf(structure: TheoryStructure): Row[] {
  return THEORY_ITEM_TYPES.map((type) => {
    const s = structure.sections.find((x) => x.type === type);
    return { type, used: s !== undefined, count: s?.count ?? 10, pointsEach: s?.pointsEach ?? 1 };
  });
}

function customOf(rows: readonly Row[], minutes: number): TheoryStructure {
  return { minutes, totalPoints: 100, sections: rows.filter((r) => r.used).map((r) => ({ type: r.type, count: r.count, pointsEach: r.pointsEach })) };
}

export function StructureCard(props: { bankId: number; onSaved(): void }) {
  const loaded = useLoad(() => api['assembly.structure.get']({ bankId: props.bankId }), [props.bankId]);
  const [choice, setChoice] = useState<string>(CUSTOM);
  const [rows, setRows] = useState<Row[]>([]);
  const [minutes, setMinutes] = useState(120);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const d = loaded.data;
    if (!d) return;
    setChoice(d.preset ?? CUSTOM);
    setRows(rowsOf(d.structure));
    setMinutes(d.structure.minutes);
  }, [loaded.data]);

  const choose = (key: string) => {
    setChoice(key);
    const preset = (THEORY_PRESETS as Readonly<Record<string, { structure: TheoryStructure }>>)[key];
    if (preset) {
      setRows(rowsOf(preset.structure));
      setMinutes(preset.structure.minutes);
    }
  };
  const edit = (type: TheoryItemType, change: Partial<Row>) => {
    setChoice(CUSTOM);
    setRows((rs) => rs.map((r) => (r.type === type ? { ...r, ...change } : r)));
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const value = choice === CUSTOM ? { structure: customOf(rows, minutes) } : { preset: choice };
      const structure = await api['assembly.structure.set']({ bankId: props.bankId, value });
      setSaved(t.saved(structureName(structure)));
      loaded.reload();
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />;
  const current = loaded.data;
  const used = rows.filter((r) => r.used);
  const points = roundTo(used.reduce((a, r) => a + r.count * r.pointsEach, 0), 2);
  const items = used.reduce((a, r) => a + r.count, 0);

  return (
    <Card size="small" title={t.title} loading={loaded.loading && !current} data-testid="structure-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {current && <Typography.Text data-testid="structure-current">{t.current(structureName(current.structure))}</Typography.Text>}
        <Radio.Group value={choice} onChange={(e) => choose(String(e.target.value))} data-testid="structure-choice">
          <Space orientation="vertical">
            {(current?.presets ?? []).map((p) => (
              <Radio key={p.key} value={p.key} data-testid={`preset-${p.key}`}>
                {p.key}：{p.name}
              </Radio>
            ))}
            <Radio value={CUSTOM} data-testid="preset-custom">
              {t.custom}
            </Radio>
          </Space>
        </Radio.Group>
        <Typography.Text type="secondary">{t.customHint}</Typography.Text>
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="type"
          dataSource={rows}
          data-testid="structure-sections"
          columns={[
            { title: t.include, key: 'used', width: 70, render: (_, r) => <Checkbox checked={r.used} onChange={(e) => edit(r.type, { used: e.target.checked })} data-testid={`section-used-${r.type}`} /> },
            { title: t.type, key: 'type', render: (_, r) => THEORY_TYPE_SHORT_NAMES[r.type] },
            {
              title: t.count,
              key: 'count',
              render: (_, r) => <InputNumber min={1} max={300} value={r.count} disabled={!r.used} onChange={(v) => edit(r.type, { count: Number(v ?? 0) })} data-testid={`section-count-${r.type}`} />,
            },
            {
              title: t.pointsEach,
              key: 'points',
              render: (_, r) => (
                <InputNumber min={0.5} max={100} step={0.5} value={r.pointsEach} disabled={!r.used} onChange={(v) => edit(r.type, { pointsEach: Number(v ?? 0) })} data-testid={`section-points-${r.type}`} />
              ),
            },
            { title: t.subtotal, key: 'subtotal', render: (_, r) => (r.used ? formatPoints(r.count * r.pointsEach) : '—') },
          ]}
        />
        <Space wrap>
          <span>{t.minutes}</span>
          <InputNumber min={1} max={600} value={minutes} onChange={(v) => { setChoice(CUSTOM); setMinutes(Number(v ?? 0)); }} data-testid="structure-minutes" />
          <Typography.Text type={points === 100 ? 'secondary' : 'danger'} data-testid="structure-total">
            {t.total(points, items)}
          </Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="structure-error" />}
        {saved && <Alert type="success" showIcon title={saved} data-testid="structure-saved" />}
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="structure-save">
          {t.save}
        </Button>
      </Space>
    </Card>
  );
}

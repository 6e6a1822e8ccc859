/** The search box and the filters of the list (题型, 状态, 鉴定点, 难度, 质量检查) as antd Selects. */
import { Button, Input, Select, Space, Tooltip } from 'antd';
import { useMemo } from 'react';
import { ITEM_STATES } from '../../../../domain/bank.js';
import { ITEM_TYPES, type ItemType } from '../../../../domain/item.js';
import { elementOptions, type Filters, type ItemRow, type LintFilter } from './model.js';
import { itemsText } from './text.js';

const t = itemsText.filters;

export function SearchBox(props: { value: string; onChange(value: string): void; onSearch(value: string): void }) {
  return (
    <Input.Search
      data-testid="items-search"
      allowClear
      placeholder={itemsText.list.search}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onSearch={props.onSearch}
      style={{ width: 560 }}
    />
  );
}

export function ItemFilters(props: {
  filters: Filters;
  onChange(filters: Filters): void;
  catalogue: readonly ItemRow[];
  /** Names of the 细目表's scopes by code (from coverage.get), when known. */
  names: ReadonlyMap<string, string>;
  /** The 鉴定点 filter was opened (its names may be loaded now). */
  onElementsOpen(): void;
  /** Whether it was ever opened: its options (every prefix of 100 000 bindings) are counted only then. */
  elementsWanted: boolean;
  searching: boolean;
}) {
  const f = props.filters;
  const set = (patch: Partial<Filters>) => props.onChange({ ...f, ...patch });
  const elements = useMemo(
    () => (props.elementsWanted ? elementOptions(props.catalogue, props.names) : f.element ? [{ code: f.element, name: '', count: NaN }] : []),
    [props.elementsWanted, props.catalogue, props.names, f.element],
  );
  const lintSelect = (
    <Select<LintFilter>
      data-testid="filter-lint"
      allowClear
      disabled={props.searching}
      placeholder={t.lint}
      style={{ width: 170 }}
      value={props.searching ? undefined : f.lint}
      onChange={(v) => set({ lint: v })}
      options={(Object.keys(t.lintOptions) as LintFilter[]).map((k) => ({ value: k, label: t.lintOptions[k] }))}
    />
  );
  return (
    <Space wrap data-testid="items-filters">
      <Select<ItemType>
        data-testid="filter-type"
        allowClear
        placeholder={t.type}
        style={{ width: 140 }}
        value={f.type}
        onChange={(v) => set({ type: v })}
        options={ITEM_TYPES.map((k) => ({ value: k, label: itemsText.types[k] }))}
      />
      <Select
        data-testid="filter-state"
        allowClear
        placeholder={t.state}
        style={{ width: 110 }}
        value={f.state}
        onChange={(v) => set({ state: v })}
        options={ITEM_STATES.map((s) => ({ value: s, label: s }))}
      />
      <Select
        data-testid="filter-element"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t.element}
        style={{ width: 260 }}
        value={f.element}
        onOpenChange={(open) => open && props.onElementsOpen()}
        onChange={(v: string | undefined) => set({ element: v })}
        options={elements.map((e) => ({ value: e.code, label: t.elementOption(e.code, e.name, e.count) }))}
      />
      <Select<number>
        data-testid="filter-difficulty"
        allowClear
        placeholder={t.difficulty}
        style={{ width: 110 }}
        value={f.difficulty}
        onChange={(v) => set({ difficulty: v })}
        options={[1, 2, 3, 4, 5].map((d) => ({ value: d, label: t.difficultyOption(d) }))}
      />
      {props.searching ? <Tooltip title={t.lintSearchOff}>{lintSelect}</Tooltip> : lintSelect}
      <Button data-testid="filter-clear" onClick={() => props.onChange({})}>
        {t.clear}
      </Button>
    </Space>
  );
}

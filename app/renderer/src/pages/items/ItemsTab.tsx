/**
 * 试题: the bank's items in a virtualised list (fast at 100 000 rows: one catalogue call, filters
 * applied here or by the search handler, titles and search results loaded a page at a time), the
 * search box (1-, 2- and 3+-character Chinese terms), the filters, 新增试题, and the item in a side
 * panel. The list shows 题干 text, so the tab is a secret view of the bank's mark.
 */
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SECRECY } from '../../../../domain/secrecy.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { queryOf, usePath } from '../../app/router.js';
import { useSecretView } from '../../app/secrecy.js';
import { useUser } from '../../app/session.js';
import { AddItem } from './AddItem.js';
import { ItemFilters, SearchBox } from './ItemFilters.js';
import { ItemList } from './ItemList.js';
import { ItemPanel, mayEdit } from './ItemPanel.js';
import { bindingsOf, filtersFromQuery, type Filters } from './model.js';
import { itemsText } from './text.js';
import { useItemSource } from './useItemSource.js';
import { useListHeight } from '../../components/useListHeight.js';

const t = itemsText.list;
const SEARCH_DELAY_MS = 350;

/**
 * Names of the 细目表's scopes by code (`A-B` → 计算机绘图), for the 鉴定点 filter; empty when unknown.
 * Asked for when the filter is first opened (coverage.get reads every item of the bank).
 */
function useScopeNames(bankId: number, wanted: boolean): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    api['coverage.get']({ bankId, onlyInBank: false }).then(
      (rows) => live && setNames(new Map(rows.map((r) => [r.path, r.name]))),
      () => undefined, // a bank without 细目表: codes without names
    );
    return () => {
      live = false;
    };
  }, [bankId, wanted]);
  return names;
}

/** The typed text, and the term searched for once typing pauses (or at once on Enter). */
function useSearchTerm(): { text: string; term: string; type(v: string): void; now(v: string): void } {
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setTerm(text), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return {
    text,
    term,
    type: setText,
    now: (v) => {
      setText(v);
      setTerm(v);
    },
  };
}


/** The filters, started (and restarted when a link changes the query) from the route's query. */
function useLinkedFilters(): [Filters, (f: Filters) => void] {
  const query = usePath().split('?')[1] ?? '';
  const [filters, setFilters] = useState<Filters>(() => filtersFromQuery(new URLSearchParams(query)));
  const applied = useRef(query);
  useEffect(() => {
    if (applied.current === query) return;
    applied.current = query;
    setFilters(filtersFromQuery(queryOf(`?${query}`)));
  }, [query]);
  return [filters, setFilters];
}

/** A tab per bank: moving to another bank starts with its own search, filters and panel. */
export function ItemsTab(props: { bankId: number }) {
  return <BankItems key={props.bankId} bankId={props.bankId} />;
}

function BankItems(props: { bankId: number }) {
  const { bankId } = props;
  const user = useUser();
  const banks = useLoad(() => api['banks.list']({}), []);
  const bank = banks.data?.find((b) => b.id === bankId);
  const mark = bank?.secrecy.level ?? DEFAULT_SECRECY.level;
  useSecretView(mark);

  const search = useSearchTerm();
  const [filters, setFilters] = useLinkedFilters();
  const source = useItemSource(bankId, search.term, filters);
  const [wantNames, setWantNames] = useState(false);
  const names = useScopeNames(bankId, wantNames);
  const elements = useMemo(() => bindingsOf(source.catalogue, 'theory'), [source.catalogue]);
  const modules = useMemo(() => bindingsOf(source.catalogue, 'practical'), [source.catalogue]);
  const [open, setOpen] = useState<number | null>(null);
  const height = useListHeight(470);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="items-tab">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <SearchBox value={search.text} onChange={search.type} onSearch={search.now} />
        <Space>
          <Button onClick={source.reload}>{t.reload}</Button>
          {mayEdit(user.roles) && (
            <AddItem
              bankId={bankId}
              level={bank?.level}
              elements={elements}
              modules={modules}
              onAdded={(row, title) => {
                source.update(row, title);
                setOpen(row.id);
              }}
            />
          )}
        </Space>
      </Space>
      <ItemFilters
        filters={filters}
        onChange={(f) => {
          if (f.lint !== undefined) source.runLint();
          setFilters(f);
        }}
        catalogue={source.catalogue}
        names={names}
        onElementsOpen={() => setWantNames(true)}
        elementsWanted={wantNames}
        searching={source.searching}
      />
      <Space>
        <Typography.Text data-testid="items-count" data-count={source.count} data-source={source.catalogueReady ? 'catalogue' : 'pages'} type="secondary">
          {source.searching ? t.searchCount(source.count) : t.count(source.count, source.all)}
        </Typography.Text>
        {source.lintState === 'idle' && (
          <Button size="small" data-testid="run-lint" onClick={source.runLint}>
            {t.runLint}
          </Button>
        )}
        {source.lintState === 'loading' && <Spin size="small" description={t.linting} />}
      </Space>
      {source.error && <Alert type="error" showIcon title={source.error} data-testid="items-error" />}
      {source.lintError && !source.searching && <Alert type="warning" showIcon title={t.lintUnavailable(source.lintError)} />}
      {source.loading ? <Spin description={t.loading} data-testid="items-loading" /> : <ItemList source={source} onOpen={setOpen} selected={open} height={height} />}
      {open !== null && (
        <ItemPanel
          key={open}
          bankId={bankId}
          itemId={open}
          mark={mark}
          roles={user.roles}
          elements={elements}
          modules={modules}
          onClose={() => setOpen(null)}
          onChanged={source.update}
          onFindings={source.setFindings}
        />
      )}
    </Space>
  );
}

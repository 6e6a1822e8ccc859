/**
 * 新增试题: choose 判断/单选/多选, 技能考核 or (levels 1–2) 综合评审, fill the editor, save through
 * `items.addTheory` / `addPractical` / `addComprehensive` (a 草稿; the service checks it against the
 * bank's 细目表 or 内容结构表 and answers in Chinese). The new item then opens like any other.
 */
import { App, Button, Drawer, Dropdown } from 'antd';
import { useState } from 'react';
import { needsComprehensiveReview, type Level } from '../../../../domain/level.js';
import { api } from '../../api/client.js';
import { blankComprehensive, blankPractical, blankTheory, kindOfNew, NEW_KINDS, type NewKind } from './forms.js';
import { ItemEditor, type EditorValues } from './ItemEditor.js';
import type { ItemRow } from './model.js';
import { panelWidth } from './ItemPanel.js';
import { itemsText } from './text.js';

function blank(kind: NewKind, elements: readonly string[], modules: readonly string[]): EditorValues {
  if (kind === 'practical') return blankPractical(modules[0] ?? '');
  if (kind === 'comprehensive') return blankComprehensive();
  return blankTheory(kind, elements[0] ?? '');
}

async function add(bankId: number, kind: NewKind, body: Record<string, unknown>): Promise<number> {
  const input = { bankId, items: [body] };
  const out =
    kind === 'practical' ? await api['items.addPractical'](input) : kind === 'comprehensive' ? await api['items.addComprehensive'](input) : await api['items.addTheory'](input);
  const id = out.ids[0];
  if (id === undefined) throw new Error(itemsText.list.empty);
  return id;
}

export function AddItem(props: {
  bankId: number;
  level: Level | undefined;
  elements: readonly string[];
  modules: readonly string[];
  onAdded(row: ItemRow, title: string): void;
}) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<NewKind | null>(null);
  const kinds = NEW_KINDS.filter((k) => k !== 'comprehensive' || (props.level !== undefined && needsComprehensiveReview(props.level)));

  const submit = async (body: Record<string, unknown>) => {
    if (!kind) return;
    const id = await add(props.bankId, kind, body);
    const history = await api['items.history']({ bankId: props.bankId, itemId: id });
    void message.success(itemsText.edit.added(id));
    setKind(null);
    props.onAdded(history.item, String(body.stem ?? body.title ?? ''));
  };

  return (
    <>
      <Dropdown
        menu={{
          items: kinds.map((k) => ({ key: k, label: <span data-testid={`add-${k}`}>{itemsText.types[k]}</span> })),
          onClick: (e) => setKind(e.key as NewKind),
        }}
      >
        <Button type="primary" data-testid="add-item">
          {itemsText.list.add}
        </Button>
      </Dropdown>
      {kind && (
        <Drawer open size={panelWidth()} title={itemsText.edit.newTitle(itemsText.types[kind] ?? '')} onClose={() => setKind(null)} destroyOnHidden>
          <ItemEditor
            bankId={props.bankId}
            kind={kindOfNew(kind)}
            initial={blank(kind, props.elements, props.modules)}
            findings={undefined}
            canEdit
            isNew
            elements={props.elements}
            modules={props.modules}
            onSubmit={submit}
          />
        </Drawer>
      )}
    </>
  );
}

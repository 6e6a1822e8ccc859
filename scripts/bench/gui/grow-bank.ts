/**
 * Grows the seeded sample bank to N theory items for the GUI bench: the bank's own items, copied
 * with their stems varied (a two-character window swapped with another stem's, a running number),
 * saved through the item service's saveItems (so versions and the search index are real), in
 * batches of 5 000 per transaction.
 */
import { createContext } from '../../../app/services/context.js';
import { saveItems } from '../../../app/services/items/save.js';
import { actorOf } from '../../../app/services/session/handlers.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { listItems } from '../../../app/store/repositories/items.js';
import type { Item } from '../../../app/domain/item.js';

export function growBank(dbFile: string, passphrase: string, bankId: number, manager: string, target: number): number {
  const db = openWorkstation(dbFile, { kind: 'passphrase', passphrase });
  try {
    const account = findAccount(db, manager);
    if (!account) throw new Error(`no account ${manager}`);
    const ctx = createContext(db, { actor: actorOf(account), anchorDir: null });
    const theory = listItems(db, bankId, { kind: 'theory' });
    if (theory.length === 0) throw new Error('the seeded bank has no theory items');
    let count = listItems(db, bankId).length;
    let n = 0;
    while (count < target) {
      const batch: Item[] = [];
      for (let i = 0; i < 5_000 && count + batch.length < target; i++, n++) {
        const base = theory[n % theory.length]!;
        const donor = theory[(n * 7919) % theory.length]!;
        const body = base.body as { stem: string };
        const chars = [...body.stem];
        const from = [...(donor.body as { stem: string }).stem];
        const at = n % Math.max(1, chars.length - 2);
        chars.splice(at, 2, ...from.slice(at % Math.max(1, from.length - 2), (at % Math.max(1, from.length - 2)) + 2));
        batch.push({ kind: 'theory', body: { ...body, stem: `${chars.join('')}（${n + 1}）` } } as Item);
      }
      saveItems(ctx, bankId, batch, '入库');
      count += batch.length;
    }
    return count;
  } finally {
    closeWorkstation(db);
  }
}

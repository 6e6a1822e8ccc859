/** Look-ups shared by the review handlers: the round, its bank, the acting expert. */
import { getAccount } from '../../store/repositories/accounts.js';
import { getRound, latestRound, listPanel, type PanelRecord, type RoundRecord } from '../../store/repositories/review.js';
import { NotFoundError } from '../../store/errors.js';
import type { ServiceContext } from '../context.js';
import { PermissionDeniedError, ServiceError } from '../errors.js';
import { reviewMessages as m } from './messages.js';

export function requireRound(ctx: ServiceContext, roundId: number): RoundRecord {
  try {
    return getRound(ctx.db, roundId);
  } catch (e) {
    if (e instanceof NotFoundError) throw new ServiceError(m.roundNotFound(roundId));
    throw e;
  }
}

/**
 * The round `id` of the bank (its latest when no id is given). Round-scoped calls name the bank too, so the
 * bank gate of `invoke` applies before the round is read.
 */
export function roundOfBank(ctx: ServiceContext, bankId: number, id: number | undefined): RoundRecord {
  if (id === undefined) {
    const latest = latestRound(ctx.db, bankId);
    if (!latest) throw new ServiceError(m.noRound(bankId));
    return latest;
  }
  const round = requireRound(ctx, id);
  if (round.bankId !== bankId) throw new ServiceError(m.roundOfOtherBank(id, bankId));
  return round;
}

/** An open (not yet signed) round of the bank. */
export function openRoundOfBank(ctx: ServiceContext, bankId: number, id: number | undefined): RoundRecord {
  const round = roundOfBank(ctx, bankId, id);
  if (round.signedAt !== '') throw new ServiceError(m.signed(round.round));
  return round;
}

/** The registered person of the acting account, if linked. */
export function actorPersonId(ctx: ServiceContext): number | null {
  if (ctx.actor.id === null) return null;
  return getAccount(ctx.db, ctx.actor.id)?.personId ?? null;
}

/** The acting account's place on the round's panel; refused when it has none. */
export function requirePanelMember(ctx: ServiceContext, round: RoundRecord): PanelRecord {
  const personId = actorPersonId(ctx);
  const member = personId === null ? undefined : listPanel(ctx.db, round.id).find((p) => p.personId === personId);
  if (!member) throw new PermissionDeniedError(m.notOnPanel(ctx.actor.username, round.round));
  return member;
}

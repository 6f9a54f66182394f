/**
 * Conditional status updates: each moves rows only if they are still in the
 * expected status, in one statement, and answers what moved, so two workers
 * racing on the same row cannot both act on it.
 */
import type { RewardStatus } from "../../../types/referral/constants"
import type { ClaimedRewardSettlement, RewardTransitionData } from "../../../types/referral/service"
import type { Knex } from "./transaction"

export async function moveRewards(
  knex: Knex,
  ids: string[],
  from: RewardStatus[],
  to: RewardStatus,
  data: RewardTransitionData & { kind?: string; metadata?: ReturnType<Knex["raw"]> }
): Promise<string[]> {
  const rows = await knex("referral_reward")
    .update({ ...data, status: to, updated_at: new Date() })
    .whereIn("id", ids)
    .whereIn("status", from)
    .whereNull("deleted_at")
    .returning("id")
  return rows.map((row: { id: string }) => row.id)
}

/** Rewards left `issuing` since before `claimedBefore`, back to `held`. */
export async function releaseStalledClaims(knex: Knex, claimedBefore: Date): Promise<string[]> {
  const rows = await knex("referral_reward")
    .update({ status: "held", updated_at: new Date() })
    .where("status", "issuing")
    .where("updated_at", "<", claimedBefore)
    .whereNull("deleted_at")
    .returning("id")
  return rows.map((row: { id: string }) => row.id)
}

export async function moveReferral(
  knex: Knex,
  id: string,
  from: string[],
  to: string,
  reason: string | null
): Promise<boolean> {
  const rows = await knex("referral")
    .update({ status: to, reason, updated_at: new Date() })
    .where("id", id)
    .whereIn("status", from)
    .whereNull("deleted_at")
    .returning("id")
  return rows.length > 0
}

/**
 * Moves a claimed reward and then its referral, in the caller's transaction,
 * so both change or neither does: an outage between them would otherwise
 * leave a paid reward beside a referral still `converted`, which no later run
 * revisits. `code` is merged into the reward's metadata (null clears it).
 * Answers what moved; the referral only moves with its reward.
 */
export async function settleClaim(
  knex: Knex,
  settlement: ClaimedRewardSettlement
): Promise<{ reward: boolean; referral: boolean }> {
  const { reward, referral } = settlement
  const { code, ...data } = reward.data ?? {}
  const metadata =
    code === undefined ? {} : { metadata: knex.raw(`coalesce(metadata, '{}'::jsonb) || ?::jsonb`, [JSON.stringify({ code })]) }
  const moved = await moveRewards(knex, [reward.id], [reward.from], reward.to, { ...data, ...metadata })
  if (!moved.length) {
    return { reward: false, referral: false }
  }
  if (!referral) {
    return { reward: true, referral: false }
  }
  return { reward: true, referral: await moveReferral(knex, referral.id, referral.from, referral.to, referral.reason) }
}

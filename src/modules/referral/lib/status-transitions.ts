/**
 * Conditional status updates: each moves rows only if they are still in the
 * expected status, in one statement, and answers what moved, so two workers
 * racing on the same row cannot both act on it.
 */
import type { RewardStatus } from "../../../types/referral/constants"
import type { RewardTransitionData } from "../../../types/referral/service"
import type { Knex } from "./transaction"

export async function moveRewards(
  knex: Knex,
  ids: string[],
  from: RewardStatus[],
  to: RewardStatus,
  data: RewardTransitionData
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

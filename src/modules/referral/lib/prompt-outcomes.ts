import { decrementBandit, incrementBandit } from "./bandit-counters"
import type { Knex } from "./transaction"

/**
 * Moves one prompt out of `open` and counts the outcome into the bandit, only
 * when this call moved it; answers whether it did.
 */
export async function settleOpenPrompt(
  knex: Knex,
  promptId: string,
  outcome: "converted" | "expired",
  referralId: string | null
): Promise<boolean> {
  const moved = await knex("referral_prompt")
    .update({ status: outcome, outcome_at: new Date(), referral_id: referralId, updated_at: new Date() })
    .where({ id: promptId, status: "open" })
    .whereNull("deleted_at")
    .returning(["arm_id", "context_key"])
  if (moved.length) {
    await incrementBandit(knex, moved, outcome === "converted" ? "successes" : "failures")
  }
  return moved.length > 0
}

/** Expires every open prompt past its time in one statement and counts each as a failure once. */
export async function expireOpenPrompts(knex: Knex, now: Date): Promise<number> {
  const expired = await knex("referral_prompt")
    .update({ status: "expired", outcome_at: now, updated_at: now })
    .where("status", "open")
    .where("expires_at", "<", now)
    .whereNull("deleted_at")
    .returning(["arm_id", "context_key"])
  await incrementBandit(knex, expired, "failures")
  return expired.length
}

/**
 * The undo of `settleOpenPrompt`: the prompt is open again and its bandit count
 * taken back, only while it is still settled with `outcome`, so a second undo
 * changes nothing.
 */
export async function reopenSettledPrompt(knex: Knex, promptId: string, outcome: "converted" | "expired"): Promise<boolean> {
  const moved = await knex("referral_prompt")
    .update({ status: "open", outcome_at: null, referral_id: null, updated_at: new Date() })
    .where({ id: promptId, status: outcome })
    .whereNull("deleted_at")
    .returning(["arm_id", "context_key"])
  for (const row of moved as { arm_id: string; context_key: string }[]) {
    await decrementBandit(knex, row, outcome === "converted" ? "successes" : "failures")
  }
  return moved.length > 0
}

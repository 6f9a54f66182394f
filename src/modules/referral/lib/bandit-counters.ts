import { generateEntityId } from "@medusajs/framework/utils"
import { GLOBAL_CONTEXT } from "../../../types/referral/constants"
import type { Knex } from "./transaction"

export { GLOBAL_CONTEXT }

export type BanditCounter = "pulls" | "successes" | "failures"

/**
 * Adds one per row to a bandit counter for the row's (arm, context) and for the
 * arm's global key `*`, creating missing rows, in one statement per key.
 */
export async function incrementBandit(
  knex: Knex,
  rows: { arm_id: string; context_key: string }[],
  column: BanditCounter
) {
  const counts = new Map<string, { arm_id: string; context_key: string; n: number }>()
  for (const row of rows) {
    for (const context_key of [row.context_key, GLOBAL_CONTEXT]) {
      const key = `${row.arm_id}\u0000${context_key}`
      const entry = counts.get(key) ?? { arm_id: row.arm_id, context_key, n: 0 }
      entry.n++
      counts.set(key, entry)
    }
  }
  for (const { arm_id, context_key, n } of counts.values()) {
    // `column` is one of three literal names, never input; values are bound.
    await knex.raw(
      `INSERT INTO bandit_state (id, arm_id, context_key, pulls, successes, failures)
       VALUES (:id, :arm_id, :context_key, :pulls, :successes, :failures)
       ON CONFLICT (arm_id, context_key) WHERE deleted_at IS NULL
       DO UPDATE SET ${column} = bandit_state.${column} + :n, updated_at = now()`,
      {
        id: generateEntityId(undefined, "refbs"),
        arm_id,
        context_key,
        n,
        pulls: column === "pulls" ? n : 0,
        successes: column === "successes" ? n : 0,
        failures: column === "failures" ? n : 0,
      }
    )
  }
}

/**
 * Takes one back from a counter for the (arm, context) and the arm's global key,
 * in one conditional decrement per key that never goes below zero: the undo of
 * `incrementBandit` for one row.
 */
export async function decrementBandit(knex: Knex, row: { arm_id: string; context_key: string }, column: BanditCounter) {
  // `column` is one of three literal names, never input.
  await knex("bandit_state")
    .update({ [column]: knex.raw(`${column} - 1`), updated_at: new Date() })
    .where("arm_id", row.arm_id)
    .whereIn("context_key", [...new Set([row.context_key, GLOBAL_CONTEXT])])
    .where(column, ">", 0)
    .whereNull("deleted_at")
}

export type BanditOutcomeRow = { arm_id: string; context_key: string; successes: number; failures: number }

/**
 * Adds fractional successes and failures (negative to take some back) for each
 * row's (arm, context) and the arm's global key `*`, creating missing rows, in
 * one atomic upsert per key; a counter never goes below zero.
 */
export async function addBanditOutcomes(knex: Knex, rows: BanditOutcomeRow[]) {
  const sums = new Map<string, BanditOutcomeRow>()
  for (const row of rows) {
    for (const context_key of [row.context_key, GLOBAL_CONTEXT]) {
      const key = `${row.arm_id}\u0000${context_key}`
      const entry = sums.get(key) ?? { arm_id: row.arm_id, context_key, successes: 0, failures: 0 }
      entry.successes += row.successes
      entry.failures += row.failures
      sums.set(key, entry)
    }
  }
  for (const { arm_id, context_key, successes, failures } of sums.values()) {
    if (successes === 0 && failures === 0) {
      continue
    }
    await knex.raw(
      `INSERT INTO bandit_state (id, arm_id, context_key, pulls, successes, failures)
       VALUES (:id, :arm_id, :context_key, 0, GREATEST(0, CAST(:successes AS real)), GREATEST(0, CAST(:failures AS real)))
       ON CONFLICT (arm_id, context_key) WHERE deleted_at IS NULL
       DO UPDATE SET successes = GREATEST(0, bandit_state.successes + CAST(:successes AS real)),
         failures = GREATEST(0, bandit_state.failures + CAST(:failures AS real)), updated_at = now()`,
      { id: generateEntityId(undefined, "refbs"), arm_id, context_key, successes, failures }
    )
  }
}

import { outcomeDelta } from "../../../ml/bandit/outcome-weight"
import { addBanditOutcomes } from "./bandit-counters"
import type { Knex } from "./transaction"

/**
 * Moves one prompt out of `open`; answers whether this call moved it. An
 * expired prompt is a full failure for the bandit at once (weight 0); a
 * converted one is counted later, when its value is final (see
 * `applyPromptBanditValue`), since a conversion may still be held, returned
 * or clawed back.
 */
export async function settleOpenPrompt(
  knex: Knex,
  promptId: string,
  outcome: "converted" | "expired",
  referralId: string | null
): Promise<boolean> {
  const moved = await knex("referral_prompt")
    .update({
      status: outcome,
      outcome_at: new Date(),
      referral_id: referralId,
      ...(outcome === "expired" ? { bandit_value: 0 } : {}),
      updated_at: new Date(),
    })
    .where({ id: promptId, status: "open" })
    .whereNull("deleted_at")
    .returning(["arm_id", "context_key"])
  if (moved.length && outcome === "expired") {
    await addBanditOutcomes(knex, moved.map((row: { arm_id: string; context_key: string }) => ({ ...row, ...outcomeDelta(null, 0) })))
  }
  return moved.length > 0
}

/** Expires every open prompt past its time in one statement and counts each as a full failure once. */
export async function expireOpenPrompts(knex: Knex, now: Date): Promise<number> {
  const expired = await knex("referral_prompt")
    .update({ status: "expired", outcome_at: now, bandit_value: 0, updated_at: now })
    .where("status", "open")
    .where("expires_at", "<", now)
    .whereNull("deleted_at")
    .returning(["arm_id", "context_key"])
  await addBanditOutcomes(knex, expired.map((row: { arm_id: string; context_key: string }) => ({ ...row, ...outcomeDelta(null, 0) })))
  return expired.length
}

/**
 * The undo of `settleOpenPrompt`: the prompt is open again and whatever it
 * counted into the bandit taken back, only while it is still settled with
 * `outcome`, so a second undo changes nothing.
 */
export async function reopenSettledPrompt(knex: Knex, promptId: string, outcome: "converted" | "expired"): Promise<boolean> {
  const { rows } = await knex.raw(
    `WITH before AS (
       SELECT id, bandit_value FROM referral_prompt
       WHERE id = :id AND status = :outcome AND deleted_at IS NULL FOR UPDATE
     )
     UPDATE referral_prompt p
     SET status = 'open', outcome_at = NULL, referral_id = NULL, bandit_value = NULL, updated_at = now()
     FROM before WHERE p.id = before.id AND p.status = :outcome
     RETURNING p.arm_id, p.context_key, before.bandit_value AS previous`,
    { id: promptId, outcome }
  )
  await addBanditOutcomes(knex, (rows as PreviousWeightRow[]).map((row) => ({ ...row, ...deltaFrom(row, null) })))
  return rows.length > 0
}

type PreviousWeightRow = { arm_id: string; context_key: string; previous: number | null }

function deltaFrom(row: PreviousWeightRow, next: number | null) {
  return outcomeDelta(row.previous === null ? null : Number(row.previous), next)
}

/**
 * Records `weight` as what a settled prompt counts in the bandit (null: it
 * counts nothing) and adds the difference from what it counted before to its
 * arm's counters, in this transaction. The row is locked and only changed when
 * the weight differs, so a redelivered settlement or a second instance changes
 * nothing. Answers the weight it had before, or undefined when nothing changed.
 */
export async function applyPromptBanditValue(
  knex: Knex,
  promptId: string,
  weight: number | null
): Promise<{ previous: number | null } | undefined> {
  const { rows } = await knex.raw(
    `WITH before AS (
       SELECT id, bandit_value FROM referral_prompt
       WHERE id = :id AND status <> 'open' AND deleted_at IS NULL FOR UPDATE
     )
     UPDATE referral_prompt p SET bandit_value = CAST(:weight AS real), updated_at = now()
     FROM before
     WHERE p.id = before.id AND p.bandit_value IS DISTINCT FROM CAST(:weight AS real)
     RETURNING p.arm_id, p.context_key, before.bandit_value AS previous`,
    { id: promptId, weight }
  )
  const [row] = rows as PreviousWeightRow[]
  if (!row) {
    return undefined
  }
  // Compared as stored (real), so the same weight computed again is no change.
  const stored = weight === null ? null : Math.fround(weight)
  await addBanditOutcomes(knex, [{ ...row, ...deltaFrom(row, stored) }])
  return { previous: row.previous === null ? null : Number(row.previous) }
}

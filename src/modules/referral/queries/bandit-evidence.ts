import type { Knex } from "../lib/transaction"

export type BanditEvidenceRow = {
  arm_id: string
  context_key: string
  /** Settled prompts' success weights. */
  successes: number
  /** Settled prompts' failure weights, expired prompts included. */
  failures: number
  /** Open prompts, each as the share of its window already passed (see `ml/bandit/outcome-weight`). */
  censored: number
}

/**
 * What the bandit knows of each arm in each context, for one decision: the
 * counters of `bandit_state` and, in the same round trip, the open prompts'
 * censored failures. An open prompt counts as a failure in proportion to how
 * much of its window has passed (capped at 1), so an arm offered yesterday
 * does not look like one that never fails; converted prompts whose value is
 * not final yet count nothing. Open prompts count in their context and in
 * the arm's global key `*`, as the counters do.
 */
export async function listBanditEvidence(
  knex: Knex,
  input: { arm_ids: string[]; context_keys: string[]; global_key: string; now: Date }
): Promise<BanditEvidenceRow[]> {
  if (!input.arm_ids.length || !input.context_keys.length) {
    return []
  }
  const { rows } = await knex.raw(
    `
    SELECT arm_id, context_key, SUM(successes)::float8 AS successes, SUM(failures)::float8 AS failures,
      SUM(censored)::float8 AS censored
    FROM (
      SELECT arm_id, context_key, successes, failures, 0 AS censored
      FROM bandit_state
      WHERE deleted_at IS NULL AND arm_id = ANY(:arm_ids) AND context_key = ANY(:context_keys)
      UNION ALL
      SELECT p.arm_id, k.context_key, 0, 0,
        LEAST(1, GREATEST(0,
          EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - p.created_at))
            / NULLIF(EXTRACT(EPOCH FROM (p.expires_at - p.created_at)), 0)
        ))
      FROM referral_prompt p
      CROSS JOIN LATERAL (VALUES (p.context_key), (CAST(:global_key AS text))) k(context_key)
      WHERE p.status = 'open' AND p.deleted_at IS NULL AND p.arm_id = ANY(:arm_ids)
        AND k.context_key = ANY(:context_keys)
    ) evidence
    GROUP BY arm_id, context_key
    `,
    {
      arm_ids: input.arm_ids,
      context_keys: input.context_keys,
      global_key: input.global_key,
      now: input.now,
    }
  )
  return (rows as BanditEvidenceRow[]).map((row) => ({
    arm_id: row.arm_id,
    context_key: row.context_key,
    successes: Number(row.successes),
    failures: Number(row.failures),
    // A zero-length window is past at once: a full failure while open.
    censored: Number(row.censored ?? 0),
  }))
}

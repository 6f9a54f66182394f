import type { Knex } from "../lib/transaction"

export type MomentTimingEvidenceInput = {
  /** The timing context (`rules/moment-timing` timingContextKey). */
  context_key: string
  /** The moment happening now. */
  current: string
  /** The later moments the customer could still reach. */
  later: string[]
  now: Date
  cycle_days: number
  lookback_days: number
}

export type MomentTimingEvidenceRows = {
  /** Per moment: asks (settled ones count 1, open ones the share of their window passed) and the sum of their values. */
  evidence: { moment: string; asks: number; value: number }[]
  /** Per later moment: of the customers at `current` a whole cycle ago, how many reached it within the cycle. */
  reach: Record<string, { reached: number; of: number }>
}

/**
 * What learned timing knows, for one decision, in two reads of the plugin's
 * own tables. A prompt's moment kind and context are the ones stamped on its
 * viral moment (`metadata.timing`). Values are the bandit's (`bandit_value`,
 * in [0, 1]); an open prompt counts as a failure in proportion to its window
 * passed, and a converted one whose value is not final counts nothing, as
 * the bandit's own evidence does.
 */
export async function listMomentTimingEvidence(knex: Knex, input: MomentTimingEvidenceInput): Promise<MomentTimingEvidenceRows> {
  const since = new Date(input.now.getTime() - input.lookback_days * 86_400_000)
  const cycleEnd = new Date(input.now.getTime() - input.cycle_days * 86_400_000)
  const [evidence, reach] = await Promise.all([
    knex.raw(
      `
      SELECT m.metadata->'timing'->>'moment' AS moment,
        SUM(CASE
          WHEN p.bandit_value IS NOT NULL THEN 1
          WHEN p.status = 'open' THEN LEAST(1, GREATEST(0,
            EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - p.created_at))
              / NULLIF(EXTRACT(EPOCH FROM (p.expires_at - p.created_at)), 0)))
          ELSE 0 END)::float8 AS asks,
        SUM(COALESCE(p.bandit_value, 0))::float8 AS value
      FROM referral_prompt p
      JOIN viral_moment m ON m.id = p.moment_id AND m.deleted_at IS NULL
      WHERE p.deleted_at IS NULL AND p.created_at >= :since
        AND m.metadata->'timing'->>'context' = :context_key
      GROUP BY 1
      `,
      { now: input.now, since, context_key: input.context_key }
    ),
    input.later.length
      ? knex.raw(
          `
          SELECT t.moment, COUNT(*)::int AS of,
            COUNT(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM viral_moment l
              WHERE l.customer_id = b.customer_id AND l.deleted_at IS NULL
                AND l.metadata->'timing'->>'moment' = t.moment
                AND l.created_at > b.created_at
                AND l.created_at <= b.created_at + make_interval(days => :cycle_days)
            ))::int AS reached
          FROM viral_moment b
          CROSS JOIN unnest(CAST(:later AS text[])) t(moment)
          WHERE b.deleted_at IS NULL AND b.metadata->'timing'->>'moment' = :current
            AND b.created_at >= :since AND b.created_at < :cycle_end
          GROUP BY t.moment
          `,
          { later: input.later, current: input.current, since, cycle_end: cycleEnd, cycle_days: input.cycle_days }
        )
      : { rows: [] },
  ])
  return {
    evidence: (evidence.rows as { moment: string | null; asks: number; value: number }[])
      .filter((row) => row.moment !== null)
      .map((row) => ({ moment: row.moment!, asks: Number(row.asks), value: Number(row.value) })),
    reach: Object.fromEntries(
      (reach.rows as { moment: string; of: number; reached: number }[]).map((row) => [
        row.moment,
        { reached: Number(row.reached), of: Number(row.of) },
      ])
    ),
  }
}

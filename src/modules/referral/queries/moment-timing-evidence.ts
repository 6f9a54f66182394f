import type { Knex } from "../lib/transaction"

export type MomentTimingWindow = {
  now: Date
  /** A wait lasts this long: reach counts later moments within it. */
  cycle_days: number
  /** Evidence older than this is not used. */
  lookback_days: number
}

export type MomentTimingEvidenceInput = MomentTimingWindow & {
  /** The timing context (`rules/moment-timing` timingContextKey). */
  context_key: string
  /** The moment happening now. */
  current: string
  /** The later moments the customer could still reach. */
  later: string[]
}

export type MomentValueRow = { context: string; moment: string; asks: number; value: number }
export type MomentReachRow = { from: string; to: string; reached: number; of: number }

export type MomentTimingEvidenceRows = {
  /** Per moment: asks (settled ones count 1, open ones the share of their window passed) and the sum of their values. */
  evidence: { moment: string; asks: number; value: number }[]
  /** Per later moment: of the customers at `current` a whole cycle ago, how many reached it within the cycle. */
  reach: Record<string, { reached: number; of: number }>
}

const DAY_MS = 86_400_000

/**
 * What learned timing knows, for one decision: asks and values at each kind
 * of moment in the context, and how often customers at the current moment
 * reached each later one.
 */
export async function listMomentTimingEvidence(knex: Knex, input: MomentTimingEvidenceInput): Promise<MomentTimingEvidenceRows> {
  const [values, reach] = await Promise.all([
    listMomentValues(knex, input, input.context_key),
    listMomentReach(knex, input, input.later.map((to) => ({ from: input.current, to }))),
  ])
  return {
    evidence: values.map(({ moment, asks, value }) => ({ moment, asks, value })),
    reach: Object.fromEntries(reach.map((row) => [row.to, { reached: row.reached, of: row.of }])),
  }
}

/** Values are read from at most this many of the latest prompts: every prompted moment reads them, so the cost must not grow with the store. */
const VALUE_SAMPLE = 20_000

/**
 * Asks and the sum of their values per (context, kind of moment), over the
 * latest VALUE_SAMPLE prompts of the lookback window. A prompt's
 * moment kind and context are the ones stamped on its viral moment
 * (`metadata.timing`). Values are the bandit's (`bandit_value`, in [0, 1]); an
 * open prompt counts as a failure in proportion to its window passed, and a
 * converted one whose value is not final counts nothing, as the bandit's own
 * evidence does.
 */
export async function listMomentValues(knex: Knex, window: MomentTimingWindow, contextKey?: string): Promise<MomentValueRow[]> {
  const { rows } = await knex.raw(
    `
    SELECT m.metadata->'timing'->>'context' AS context, m.metadata->'timing'->>'moment' AS moment,
      SUM(CASE
        WHEN p.bandit_value IS NOT NULL THEN 1
        WHEN p.status = 'open' THEN LEAST(1, GREATEST(0,
          EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - p.created_at))
            / NULLIF(EXTRACT(EPOCH FROM (p.expires_at - p.created_at)), 0)))
        ELSE 0 END)::float8 AS asks,
      SUM(COALESCE(p.bandit_value, 0))::float8 AS value
    FROM (
      SELECT id, moment_id, status, bandit_value, created_at, expires_at FROM referral_prompt
      WHERE deleted_at IS NULL AND created_at >= :since
      ORDER BY created_at DESC
      LIMIT :sample
    ) p
    JOIN viral_moment m ON m.id = p.moment_id AND m.deleted_at IS NULL
    WHERE m.metadata->'timing'->>'moment' IS NOT NULL
      AND (CAST(:context_key AS text) IS NULL OR m.metadata->'timing'->>'context' = :context_key)
    GROUP BY 1, 2
    ORDER BY 1, 2
    `,
    {
      now: window.now,
      since: new Date(window.now.getTime() - window.lookback_days * DAY_MS),
      context_key: contextKey ?? null,
      sample: VALUE_SAMPLE,
    }
  )
  return (rows as MomentValueRow[]).map((row) => ({ ...row, asks: Number(row.asks), value: Number(row.value) }))
}

/** Reach is measured on at most this many of the latest `from` moments per pair: enough for a rate, bounded in cost. */
const REACH_SAMPLE = 2000

/**
 * For each (from, to) pair: of the customers with a `from` moment at least a
 * cycle ago (the latest REACH_SAMPLE of them), how many had a `to` moment
 * within the cycle after it.
 */
export async function listMomentReach(
  knex: Knex,
  window: MomentTimingWindow,
  pairs: { from: string; to: string }[]
): Promise<MomentReachRow[]> {
  if (!pairs.length) {
    return []
  }
  const { rows } = await knex.raw(
    `
    SELECT t.from_moment AS "from", t.to_moment AS "to", COUNT(*)::int AS of,
      COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM viral_moment l
        WHERE l.customer_id = b.customer_id AND l.deleted_at IS NULL
          AND l.metadata->'timing'->>'moment' = t.to_moment
          AND l.created_at > b.created_at
          AND l.created_at <= b.created_at + make_interval(days => :cycle_days)
      ))::int AS reached
    FROM unnest(CAST(:froms AS text[]), CAST(:tos AS text[])) t(from_moment, to_moment)
    CROSS JOIN LATERAL (
      SELECT customer_id, created_at FROM viral_moment
      WHERE deleted_at IS NULL AND metadata->'timing'->>'moment' = t.from_moment
        AND created_at >= :since AND created_at < :cycle_end
      ORDER BY created_at DESC
      LIMIT :sample
    ) b
    GROUP BY 1, 2
    ORDER BY 1, 2
    `,
    {
      froms: pairs.map((pair) => pair.from),
      tos: pairs.map((pair) => pair.to),
      cycle_days: window.cycle_days,
      since: new Date(window.now.getTime() - window.lookback_days * DAY_MS),
      cycle_end: new Date(window.now.getTime() - window.cycle_days * DAY_MS),
      sample: REACH_SAMPLE,
    }
  )
  return (rows as MomentReachRow[]).map((row) => ({ ...row, reached: Number(row.reached), of: Number(row.of) }))
}

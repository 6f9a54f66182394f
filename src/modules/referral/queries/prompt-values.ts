import { CONVERTED_REFERRAL_STATUSES_SQL } from "../../../types/referral/constants"
import type { Knex } from "../lib/transaction"

export type PromptValueInput = {
  /** The currency whose prompts are valued, lower case. */
  currency_code: string
  /** A prompt whose decision log names no currency was made in this one (the store's default). */
  default_currency_code: string
  /** The program's expected margin rate: the share of a friend's order total the store keeps. */
  margin_rate: number
  /** Only these prompts (a settlement of one referral's prompts); all when absent. */
  prompt_ids?: string[]
}

/** One prompt in the currency: the bandit's decision and, once settled, what it realised. */
export type PromptValueRow = {
  prompt_id: string
  arm_id: string
  context_key: string
  probability: number | null
  /** Settled: the outcome is final. Pending: still open, or its referral's rewards are not settled yet (censored). */
  state: "settled" | "pending"
  /** Net value in the currency, as exact decimal text: margin of the friend's order minus the incentives paid. */
  value: string
  /** An issued percentage reward code: its cost is not money we know, so it is left out of `value`. */
  percentage_reward_unpriced: boolean
  /** Its referral has money in another currency, left out of `value` (never summed across currencies). */
  other_currency: boolean
}

/**
 * The realised net value of every prompt made in one currency, for offline
 * evaluation of offers (see `ml/bandit/off-policy`). A prompt is made in the
 * currency its decision log names (`sampled.currency_code`, the customer's).
 *
 * The data model links a prompt to the first referral that converted while it
 * was open (`referral_prompt.referral_id`; referrals carry no prompt id), so
 * that referral is what the prompt earned:
 *   value = order total × margin rate, when the referral still counts as
 *           converted (a rejected, returned or refunded one earns nothing)
 *         − the friend's checkout discount, unless revoked with its order
 *         − the referrer's rewards issued in money and not revoked.
 * An expired prompt is worth 0. Pending (censored): an open prompt, a referral
 * still pending or in review, or any of its rewards held, issuing or being
 * clawed back. One set-based query; rewards are found through the unique
 * (referral, role) index.
 */
export async function listPromptValues(knex: Knex, input: PromptValueInput): Promise<PromptValueRow[]> {
  const { rows } = await knex.raw(
    `
    SELECT p.id AS prompt_id, p.arm_id, p.context_key, p.probability,
      CASE
        WHEN p.status = 'open' OR r.status IN ('pending', 'review') OR COALESCE(w.unsettled, false) THEN 'pending'
        ELSE 'settled'
      END AS state,
      (CASE
        WHEN p.status <> 'converted' THEN 0
        ELSE
          (CASE WHEN r.status IN ${CONVERTED_REFERRAL_STATUSES_SQL} AND lower(r.currency_code) = :currency_code
            THEN COALESCE(r.order_total, 0) * CAST(:margin_rate AS numeric) ELSE 0 END)
          - COALESCE(w.referee_cost, 0) - COALESCE(w.referrer_cost, 0)
      END)::text AS value,
      COALESCE(w.percentage_unpriced, false) AS percentage_reward_unpriced,
      (r.status IN ${CONVERTED_REFERRAL_STATUSES_SQL} AND lower(r.currency_code) <> :currency_code)
        OR COALESCE(w.other_currency, false) AS other_currency
    FROM referral_prompt p
    LEFT JOIN referral r ON r.id = p.referral_id AND p.status = 'converted' AND r.deleted_at IS NULL
    LEFT JOIN LATERAL (
      SELECT
        bool_or(x.status IN ('held', 'issuing', 'revoking')) AS unsettled,
        SUM(x.amount) FILTER (
          WHERE x.role = 'referee' AND x.status <> 'revoked' AND lower(x.currency_code) = :currency_code
        ) AS referee_cost,
        SUM(x.amount) FILTER (
          WHERE x.role = 'referrer' AND x.status = 'issued' AND lower(x.currency_code) = :currency_code
            AND COALESCE(x.metadata ->> 'promotion_type', '') <> 'percentage'
        ) AS referrer_cost,
        bool_or(x.role = 'referrer' AND x.status = 'issued' AND x.metadata ->> 'promotion_type' = 'percentage')
          AS percentage_unpriced,
        bool_or(x.status <> 'revoked' AND lower(x.currency_code) <> :currency_code
          AND COALESCE(x.metadata ->> 'promotion_type', '') <> 'percentage') AS other_currency
      FROM referral_reward x
      WHERE x.referral_id = r.id AND x.deleted_at IS NULL
    ) w ON true
    WHERE p.deleted_at IS NULL
      AND (CAST(:all_prompts AS boolean) OR p.id = ANY(CAST(:prompt_ids AS text[])))
      AND lower(COALESCE(p.sampled ->> 'currency_code', :default_currency_code)) = :currency_code
    ORDER BY p.created_at, p.id
    `,
    {
      currency_code: input.currency_code,
      default_currency_code: input.default_currency_code,
      margin_rate: String(input.margin_rate),
      all_prompts: !input.prompt_ids,
      prompt_ids: input.prompt_ids ?? [],
    }
  )
  return (rows as PromptValueRow[]).map((row) => ({
    ...row,
    probability: row.probability === null ? null : Number(row.probability),
  }))
}

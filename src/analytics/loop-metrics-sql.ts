/**
 * The SQL behind `loopMetrics`: five set-based aggregate queries over the
 * plugin's tables and Medusa's orders, each returning long rows
 * `(key, currency_code, metric, value)` that `loopMetrics` folds into groups.
 *
 * Only the grouping expressions below are spliced into the SQL, chosen from a
 * fixed table by `group_by`; every value (window, currency, activation days)
 * is a bound parameter.
 */
import { CONVERTED_REFERRAL_STATUSES_SQL } from "../types"

export type LoopMetricsGroupBy = "week" | "variant" | "arm" | "segment"

export type MetricRow = {
  key: string | null
  currency_code: string | null
  metric: string
  value: string | number | null
}

/** What counts as a conversion everywhere: the friend's order converted the referral. */
export const CONVERTED = CONVERTED_REFERRAL_STATUSES_SQL

/** Monday of the event's ISO week, in UTC, as YYYY-MM-DD. */
export const weekOf = (column: string) => `to_char(date_trunc('week', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`

const ALL = `'all'::text`

/**
 * The band of the prompt a referral settled (the referrer's open prompt when
 * the friend converted), for the segment of conversions and their rewards.
 * The settle step settles one prompt per referral; were there ever two, the
 * greatest band is taken, so that a referral still counts once.
 */
const SETTLED_PROMPT = `
  LEFT JOIN (
    SELECT sp.referral_id, MAX(sp.context ->> 'propensity_band') AS band
    FROM referral_prompt sp
    WHERE sp.referral_id IS NOT NULL AND sp.deleted_at IS NULL
    GROUP BY sp.referral_id
  ) sp ON sp.referral_id = r.id`

/** Grouping key of a prompt (alias p): its creation week, arm, variant or propensity band. */
function promptKey(groupBy: LoopMetricsGroupBy | null): string {
  switch (groupBy) {
    case "week":
      return weekOf("p.created_at")
    case "arm":
      return "p.arm_id"
    case "variant":
      return "p.variant"
    case "segment":
      return "p.context ->> 'propensity_band'"
    default:
      return ALL
  }
}

/** Grouping key of a prompt_shown/share touch (alias t; its prompt tp when joined). */
function promptTouchKey(groupBy: LoopMetricsGroupBy | null): { key: string; join: string } {
  const join = `LEFT JOIN referral_prompt tp ON tp.id = t.metadata ->> 'prompt_id'`
  switch (groupBy) {
    case "week":
      return { key: weekOf("t.created_at"), join: "" }
    case "arm":
      return { key: "t.metadata ->> 'arm_id'", join: "" }
    case "variant":
      return { key: "tp.variant", join }
    case "segment":
      return { key: "tp.context ->> 'propensity_band'", join }
    default:
      return { key: ALL, join: "" }
  }
}

/** Grouping key of a referral (alias r) by its conversion week, arm, variant or settled prompt's band. */
function referralKey(groupBy: LoopMetricsGroupBy | null, weekColumn = "r.converted_at"): { key: string; join: string } {
  switch (groupBy) {
    case "week":
      return { key: weekOf(weekColumn), join: "" }
    case "arm":
      return { key: "r.arm_id", join: "" }
    case "variant":
      return { key: "r.variant", join: "" }
    case "segment":
      return { key: "sp.band", join: SETTLED_PROMPT }
    default:
      return { key: ALL, join: "" }
  }
}

/** Clicks, codes applied and active customers carry no arm, variant or segment. */
export function hasUnattributableCounts(groupBy: LoopMetricsGroupBy | null): boolean {
  return groupBy === null || groupBy === "week"
}

/**
 * Prompts created in the window, the customers prompted, K (conversions in the
 * window by those customers, after their first prompt in the group) and the
 * median cycle time of the prompts that converted by the end of the window.
 */
export function promptsSql(groupBy: LoopMetricsGroupBy | null): string {
  return `
    WITH p AS MATERIALIZED (
      SELECT p.customer_id, p.created_at, p.referral_id, ${promptKey(groupBy)} AS key
      FROM referral_prompt p
      WHERE p.deleted_at IS NULL AND p.created_at >= :from AND p.created_at < :to
    ),
    conversions AS (
      SELECT r.referrer_customer_id, r.converted_at
      FROM referral r
      WHERE r.deleted_at IS NULL AND r.status IN ${CONVERTED}
        AND r.converted_at >= :from AND r.converted_at < :to
    ),
    cohort AS (
      SELECT key, customer_id, MIN(created_at) AS first_prompted_at
      FROM p GROUP BY key, customer_id
    )
    SELECT key, NULL AS currency_code, 'prompts_created' AS metric, COUNT(*)::numeric AS value
    FROM p GROUP BY key
    UNION ALL
    SELECT key, NULL, 'customers_prompted', COUNT(*)::numeric
    FROM cohort GROUP BY key
    UNION ALL
    SELECT c.key, NULL, 'cohort_conversions', COUNT(*)::numeric
    FROM cohort c
    JOIN conversions cv ON cv.referrer_customer_id = c.customer_id AND cv.converted_at >= c.first_prompted_at
    GROUP BY c.key
    UNION ALL
    SELECT p.key, NULL, 'cycle_time_days',
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r.converted_at - p.created_at)) / 86400))::numeric
    FROM p
    JOIN referral r ON r.id = p.referral_id
    WHERE r.deleted_at IS NULL AND r.status IN ${CONVERTED} AND r.converted_at < :to
    GROUP BY p.key
  `
}

/** Prompts shown (distinct prompts), shares and sharers in the window, by the prompt's key. */
export function promptTouchesSql(groupBy: LoopMetricsGroupBy | null): string {
  const { key, join } = promptTouchKey(groupBy)
  return `
    WITH t AS MATERIALIZED (
      SELECT t.type, t.customer_id, t.metadata ->> 'prompt_id' AS prompt_id, ${key} AS key
      FROM referral_touch t ${join}
      WHERE t.deleted_at IS NULL AND t.type IN ('prompt_shown', 'share')
        AND t.created_at >= :from AND t.created_at < :to
    )
    SELECT key, NULL AS currency_code, 'prompts_shown' AS metric, COUNT(DISTINCT prompt_id)::numeric AS value
    FROM t WHERE type = 'prompt_shown' GROUP BY key
    UNION ALL
    SELECT key, NULL, 'shares', COUNT(*)::numeric FROM t WHERE type = 'share' GROUP BY key
    UNION ALL
    SELECT key, NULL, 'sharers', COUNT(DISTINCT customer_id)::numeric FROM t WHERE type = 'share' GROUP BY key
  `
}

/**
 * Clicks and codes applied (week or whole window only), and the customers
 * with at least one non-canceled order in the window: the denominator of the
 * referral rate among active customers.
 */
export function storeCountsSql(groupBy: LoopMetricsGroupBy | null): string {
  const touchKey = groupBy === "week" ? weekOf("t.created_at") : ALL
  const orderKey = groupBy === "week" ? weekOf("o.created_at") : ALL
  return `
    SELECT ${touchKey} AS key, NULL AS currency_code,
      CASE t.type WHEN 'click' THEN 'clicks' ELSE 'codes_applied' END AS metric, COUNT(*)::numeric AS value
    FROM referral_touch t
    WHERE t.deleted_at IS NULL AND t.type IN ('click', 'code_applied')
      AND t.created_at >= :from AND t.created_at < :to
    GROUP BY 1, 3
    UNION ALL
    SELECT ${orderKey}, NULL, 'active_customers', COUNT(DISTINCT o.customer_id)::numeric
    FROM "order" o
    WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'canceled'
      AND o.customer_id IS NOT NULL AND o.created_at >= :from AND o.created_at < :to
    GROUP BY 1
  `
}

/**
 * Conversions in the window and what they brought: activated friends (a
 * second non-canceled order within :activation_days of the conversion, i.e.
 * of the converting order, which converted_at follows by moments), and per
 * currency the acquired count, first-order revenue (the referral's
 * order_total) and the friend's non-canceled orders to date from the
 * converting one on (each at its latest order_summary version). The friends'
 * orders are read once, through the order's customer_id index, and serve
 * both. A friend who converted twice in the window counts once for revenue,
 * under the first conversion. The friend is referee_customer_id, which
 * conversion copies from the order's customer. Conversions are also counted
 * by the referral's source (`conversions_code`, `_link`, `_name`).
 */
export function conversionsSql(groupBy: LoopMetricsGroupBy | null, currencyFilter: boolean): string {
  const { key, join } = referralKey(groupBy)
  const currency = (column: string) => (currencyFilter ? `AND ${column} = :currency_code` : "")
  return `
    WITH conv AS MATERIALIZED (
      SELECT r.id, r.order_id, r.order_total, r.converted_at, lower(r.currency_code) AS currency_code,
        r.referee_customer_id AS friend_id, COALESCE(r.source, 'code') AS source, ${key} AS key
      FROM referral r ${join}
      WHERE r.deleted_at IS NULL AND r.status IN ${CONVERTED}
        AND r.converted_at >= :from AND r.converted_at < :to
    ),
    friend_orders AS MATERIALIZED (
      SELECT o.id, o.customer_id, o.created_at, lower(o.currency_code) AS currency_code
      FROM "order" o
      WHERE o.customer_id IN (SELECT friend_id FROM conv)
        AND o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'canceled'
    ),
    friends AS (
      SELECT DISTINCT ON (friend_id) friend_id, key, order_id, converted_at
      FROM conv WHERE friend_id IS NOT NULL
      ORDER BY friend_id, converted_at, id
    ),
    revenue AS (
      SELECT f.key, fo.currency_code,
        (SELECT (os.totals -> 'raw_current_order_total' ->> 'value')::numeric
         FROM order_summary os
         WHERE os.order_id = fo.id AND os.deleted_at IS NULL
         ORDER BY os.version DESC LIMIT 1) AS total
      FROM friends f
      JOIN friend_orders fo ON fo.customer_id = f.friend_id
        AND (fo.id = f.order_id OR fo.created_at >= f.converted_at)
      WHERE true ${currency("fo.currency_code")}
    )
    SELECT key, NULL AS currency_code, 'conversions' AS metric, COUNT(*)::numeric AS value
    FROM conv GROUP BY key
    UNION ALL
    -- By how the friend came by the code (typed, share link, lookup by name); older referrals count as typed.
    SELECT key, NULL, 'conversions_' || source, COUNT(*)::numeric
    FROM conv GROUP BY key, source
    UNION ALL
    SELECT c.key, NULL, 'activated', COUNT(*)::numeric
    FROM conv c
    WHERE EXISTS (
      SELECT 1 FROM friend_orders fo
      WHERE fo.customer_id = c.friend_id AND fo.id IS DISTINCT FROM c.order_id
        AND fo.created_at > c.converted_at
        AND fo.created_at <= c.converted_at + make_interval(days => CAST(:activation_days AS integer))
    )
    GROUP BY c.key
    UNION ALL
    SELECT key, currency_code, 'acquired', COUNT(*)::numeric
    FROM conv WHERE currency_code IS NOT NULL ${currency("currency_code")} GROUP BY key, currency_code
    UNION ALL
    SELECT key, currency_code, 'referred_first_order_revenue', COALESCE(SUM(order_total), 0)
    FROM conv WHERE currency_code IS NOT NULL ${currency("currency_code")} GROUP BY key, currency_code
    UNION ALL
    SELECT key, currency_code, 'referred_customer_revenue', COALESCE(SUM(total), 0)
    FROM revenue GROUP BY key, currency_code
  `
}

/**
 * Incentive cost of rewards created in the window: issued referrer rewards in
 * money (store credit, fixed-amount promotions; percentage promotions have a
 * percent as amount and are left out) plus the friends' checkout discounts
 * that were not revoked. Grouped by the reward's week or its referral's arm,
 * variant or settled prompt's band.
 */
export function incentiveCostSql(groupBy: LoopMetricsGroupBy | null, currencyFilter: boolean): string {
  const { key, join } = referralKey(groupBy, "w.created_at")
  const needsReferral = groupBy === "arm" || groupBy === "variant" || groupBy === "segment"
  return `
    SELECT ${key} AS key, lower(w.currency_code) AS currency_code, 'incentive_cost' AS metric,
      COALESCE(SUM(w.amount), 0) AS value
    FROM referral_reward w
    ${needsReferral ? `JOIN referral r ON r.id = w.referral_id ${join}` : ""}
    WHERE w.deleted_at IS NULL AND w.created_at >= :from AND w.created_at < :to
      AND (
        (w.role = 'referrer' AND w.status = 'issued'
          AND COALESCE(w.metadata ->> 'promotion_type', '') <> 'percentage')
        OR (w.role = 'referee' AND w.kind = 'discount' AND w.status <> 'revoked')
      )
      ${currencyFilter ? "AND lower(w.currency_code) = :currency_code" : ""}
    GROUP BY 1, 2
  `
}

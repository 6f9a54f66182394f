import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { featureVector } from "../ml/propensity/features"
import { CONVERTED_REFERRAL_STATUSES_SQL } from "../types"

export type CustomerFeatureRow = {
  customer_id: string
  created_at: Date
  vector: number[]
  /** Only when asked for: did the customer refer (or share) after `as_of`? */
  label?: 0 | 1
}

export type CustomerFeaturesQuery = {
  as_of: Date
  /** Score these customers only; all registered customers otherwise. */
  customer_ids?: string[]
  /** Also compute the training label from what happened after `as_of`. */
  label?: "converted_referral" | "shared"
}

/**
 * Every customer's features in one set-based pass over Medusa's own tables
 * (orders with their latest summary, items, categories, returns) and the
 * plugin's (touches, referrals): aggregates joined per customer, never a query
 * per customer. Cross-module by nature, so it reads through the app's database
 * connection rather than one module's service. See `PROPENSITY_FEATURES` for
 * what each column means.
 */
export async function loadCustomerFeatures(
  container: MedusaContainer,
  query: CustomerFeaturesQuery
): Promise<CustomerFeatureRow[]> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const bindings: Record<string, unknown> = { as_of: query.as_of }
  let customerFilter = "c.has_account = true"
  if (query.customer_ids) {
    customerFilter = "c.id = ANY(:customer_ids)"
    bindings.customer_ids = query.customer_ids
  }
  const label =
    query.label === "shared"
      ? `EXISTS (SELECT 1 FROM referral_touch t WHERE t.customer_id = c.id AND t.type = 'share'
           AND t.created_at >= :as_of AND t.deleted_at IS NULL)`
      : query.label === "converted_referral"
        ? `EXISTS (SELECT 1 FROM referral r WHERE r.referrer_customer_id = c.id
             AND r.status IN ${CONVERTED_REFERRAL_STATUSES_SQL} AND r.converted_at >= :as_of AND r.deleted_at IS NULL)`
        : "NULL"

  const { rows } = await knex.raw(
    `
    WITH customers AS (
      SELECT c.id, c.created_at FROM customer c
      WHERE ${customerFilter} AND c.deleted_at IS NULL AND c.created_at < :as_of
    ),
    orders AS (
      SELECT o.id, o.customer_id, o.created_at, o.status::text AS status, s.total
      FROM "order" o
      JOIN customers cu ON cu.id = o.customer_id
      LEFT JOIN LATERAL (
        SELECT (os.totals -> 'raw_current_order_total' ->> 'value')::numeric AS total
        FROM order_summary os
        WHERE os.order_id = o.id AND os.deleted_at IS NULL
        ORDER BY os.version DESC LIMIT 1
      ) s ON true
      WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.created_at < :as_of
    ),
    order_stats AS (
      SELECT customer_id,
        COUNT(*) FILTER (WHERE status <> 'canceled') AS order_count,
        COALESCE(SUM(total) FILTER (WHERE status <> 'canceled'), 0) AS total_spent,
        MIN(created_at) FILTER (WHERE status <> 'canceled') AS first_order_at,
        MAX(created_at) FILTER (WHERE status <> 'canceled') AS last_order_at,
        COUNT(*) FILTER (WHERE status = 'canceled') AS canceled_orders
      FROM orders GROUP BY customer_id
    ),
    product_stats AS (
      SELECT o.customer_id,
        COUNT(DISTINCT li.product_id) AS distinct_products,
        COUNT(DISTINCT pcp.product_category_id) AS distinct_categories
      FROM orders o
      JOIN order_item oi ON oi.order_id = o.id AND oi.deleted_at IS NULL
      JOIN order_line_item li ON li.id = oi.item_id
      LEFT JOIN product_category_product pcp ON pcp.product_id = li.product_id
      GROUP BY o.customer_id
    ),
    return_stats AS (
      SELECT o.customer_id, COUNT(*) AS returns
      FROM "return" r JOIN orders o ON o.id = r.order_id
      WHERE r.deleted_at IS NULL AND r.canceled_at IS NULL AND r.created_at < :as_of
      GROUP BY o.customer_id
    ),
    touch_stats AS (
      SELECT t.customer_id,
        COUNT(*) FILTER (WHERE t.type = 'prompt_shown') AS prompts_seen,
        COUNT(*) FILTER (WHERE t.type = 'share') AS shares
      FROM referral_touch t JOIN customers cu ON cu.id = t.customer_id
      WHERE t.deleted_at IS NULL AND t.created_at < :as_of
      GROUP BY t.customer_id
    ),
    click_stats AS (
      SELECT rc.customer_id, COUNT(*) AS code_clicks
      FROM referral_touch t
      JOIN referral_code rc ON rc.id = t.referral_code_id
      JOIN customers cu ON cu.id = rc.customer_id
      WHERE t.type = 'click' AND t.deleted_at IS NULL AND t.created_at < :as_of
      GROUP BY rc.customer_id
    ),
    referral_stats AS (
      SELECT r.referrer_customer_id AS customer_id, COUNT(*) AS prior_referrals
      FROM referral r JOIN customers cu ON cu.id = r.referrer_customer_id
      WHERE r.status IN ${CONVERTED_REFERRAL_STATUSES_SQL} AND r.converted_at < :as_of AND r.deleted_at IS NULL
      GROUP BY r.referrer_customer_id
    )
    SELECT c.id AS customer_id, c.created_at,
      EXTRACT(EPOCH FROM (:as_of - c.created_at)) / 86400 AS tenure_days,
      COALESCE(os.order_count, 0) AS order_count,
      COALESCE(os.total_spent, 0) AS total_spent,
      CASE WHEN os.order_count > 0 THEN os.total_spent / os.order_count END AS avg_order_value,
      EXTRACT(EPOCH FROM (:as_of - os.last_order_at)) / 86400 AS recency_days,
      CASE WHEN os.order_count > 1
        THEN EXTRACT(EPOCH FROM (os.last_order_at - os.first_order_at)) / 86400 / (os.order_count - 1) END
        AS days_between_orders,
      COALESCE(ps.distinct_products, 0) AS distinct_products,
      COALESCE(ps.distinct_categories, 0) AS distinct_categories,
      COALESCE(os.canceled_orders, 0) AS canceled_orders,
      COALESCE(rs.returns, 0) AS returns,
      COALESCE(ts.prompts_seen, 0) AS prompts_seen,
      COALESCE(ts.shares, 0) AS shares,
      COALESCE(cs.code_clicks, 0) AS code_clicks,
      COALESCE(fs.prior_referrals, 0) AS prior_referrals,
      ${label} AS label
    FROM customers c
    LEFT JOIN order_stats os ON os.customer_id = c.id
    LEFT JOIN product_stats ps ON ps.customer_id = c.id
    LEFT JOIN return_stats rs ON rs.customer_id = c.id
    LEFT JOIN touch_stats ts ON ts.customer_id = c.id
    LEFT JOIN click_stats cs ON cs.customer_id = c.id
    LEFT JOIN referral_stats fs ON fs.customer_id = c.id
    ORDER BY c.created_at, c.id
    `,
    bindings
  )
  return rows.map((row: Record<string, unknown>) => ({
    customer_id: row.customer_id as string,
    created_at: row.created_at as Date,
    vector: featureVector(row as Record<string, number | null>),
    ...(query.label ? { label: row.label ? 1 : 0 } : {}),
  }))
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DAY_MS } from "../types"

/** What the bandit assumes before the store has orders to average. */
const DEFAULT_AVERAGE_ORDER_VALUE = 50

/**
 * The store's average order value over the last 90 days (one aggregate over
 * the orders' latest summaries), for pricing offers: a 10% discount costs 10%
 * of a typical first order.
 */
export async function averageOrderValue(container: MedusaContainer, now = new Date()): Promise<number> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT AVG((s.totals -> 'raw_current_order_total' ->> 'value')::numeric) AS aov
     FROM "order" o
     JOIN LATERAL (
       SELECT totals FROM order_summary os WHERE os.order_id = o.id AND os.deleted_at IS NULL
       ORDER BY os.version DESC LIMIT 1
     ) s ON true
     WHERE o.deleted_at IS NULL AND o.status <> 'canceled' AND o.created_at >= :since`,
    { since: new Date(now.getTime() - 90 * DAY_MS) }
  )
  const aov = Number(rows[0]?.aov)
  return aov > 0 ? aov : DEFAULT_AVERAGE_ORDER_VALUE
}

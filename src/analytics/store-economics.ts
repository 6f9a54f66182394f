import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DAY_MS } from "../types"

/** What the bandit assumes for a currency the store has no recent orders in. */
export const DEFAULT_AVERAGE_ORDER_VALUE = 50

/** The latest summary's current total of each order (`o`), joined as `s.total`. */
const LATEST_TOTAL = `JOIN LATERAL (
       SELECT (totals -> 'raw_current_order_total' ->> 'value')::numeric AS total
       FROM order_summary os WHERE os.order_id = o.id AND os.deleted_at IS NULL
       ORDER BY os.version DESC LIMIT 1
     ) s ON true`

/** The average is taken over at most this many of a currency's latest orders: a stable figure at a bounded cost per event. */
const AVERAGE_ORDER_SAMPLE = 2000

/**
 * The store's average order value per currency over its latest orders of the
 * last 90 days (at most AVERAGE_ORDER_SAMPLE per currency), for pricing
 * offers: a 10% discount costs 10% of a typical first order. Never averaged
 * across currencies: 100 JPY and 100 EUR are not the same order. Every
 * viral moment reads it, so its cost must not grow with the store: the
 * currencies are found by a skip scan of Medusa's currency index and each
 * currency's latest orders by its display id index (at 200,000 recent
 * orders, 37 ms instead of 450–600 ms for all of them).
 */
export async function averageOrderValues(container: MedusaContainer, now = new Date()): Promise<Record<string, number>> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `WITH RECURSIVE currencies AS (
       SELECT MIN(currency_code) AS code FROM "order" WHERE deleted_at IS NULL
       UNION ALL
       SELECT (SELECT MIN(currency_code) FROM "order" WHERE deleted_at IS NULL AND currency_code > c.code)
       FROM currencies c WHERE c.code IS NOT NULL
     )
     SELECT LOWER(c.code) AS currency_code, AVG(s.total) AS aov
     FROM currencies c
     CROSS JOIN LATERAL (
       SELECT o.id FROM "order" o
       WHERE o.deleted_at IS NULL AND o.currency_code = c.code AND o.status <> 'canceled' AND o.created_at >= :since
       ORDER BY o.display_id DESC
       LIMIT :sample
     ) o
     ${LATEST_TOTAL}
     WHERE c.code IS NOT NULL
     GROUP BY LOWER(c.code)`,
    { since: new Date(now.getTime() - 90 * DAY_MS), sample: AVERAGE_ORDER_SAMPLE }
  )
  const values: Record<string, number> = {}
  for (const row of rows as { currency_code: string; aov: string }[]) {
    if (Number(row.aov) > 0) {
      values[row.currency_code] = Number(row.aov)
    }
  }
  return values
}

/** The average order value in one currency (see `averageOrderValues`). */
export async function averageOrderValue(container: MedusaContainer, currency: string, now = new Date()): Promise<number> {
  return (await averageOrderValues(container, now))[currency.toLowerCase()] ?? DEFAULT_AVERAGE_ORDER_VALUE
}

/** What a customer has spent in one currency (orders not canceled), for their value tier in that currency. */
export async function customerSpendIn(container: MedusaContainer, customerId: string, currency: string): Promise<number> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT COALESCE(SUM(s.total), 0) AS spent
     FROM "order" o
     ${LATEST_TOTAL}
     WHERE o.deleted_at IS NULL AND o.status <> 'canceled' AND o.customer_id = :customerId
       AND LOWER(o.currency_code) = :currency`,
    { customerId, currency: currency.toLowerCase() }
  )
  return Number(rows[0]?.spent ?? 0)
}

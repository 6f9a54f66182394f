import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * Medusa's find params with the admin lists' defaults: 20 a page, newest first
 * unless the request asks for another `order`. Medusa's paging takes any
 * number; a negative, fractional or huge limit or offset would reach SQL and
 * fail there with a 500, so both are bounded.
 */
export const createAdminListParams = () =>
  createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
    limit: z.coerce.number().int().min(1).max(1000).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })

/** A date PostgreSQL can hold: JavaScript dates reach 270,000 years either side, far beyond its timestamp range. */
export const storableDate = z.coerce
  .date()
  .min(new Date("0001-01-01T00:00:00Z"), "Use a date from year 1 to 9999")
  .max(new Date("9999-12-31T23:59:59.999Z"), "Use a date from year 1 to 9999")

/**
 * A filter on a timestamp: a date or comparisons with dates. Medusa's operator
 * map takes any text and text operators ($like, $re), which SQL then refuses
 * against a timestamp with a 500.
 */
export const dateFilter = z.union([
  storableDate,
  z
    .object({ $eq: storableDate, $ne: storableDate, $gt: storableDate, $gte: storableDate, $lt: storableDate, $lte: storableDate })
    .partial()
    .strict(),
])

/** An ISO 4217 code such as "usd"; "u$d" or "ＵＳＤ" would be stored and then match no region. */
export const currency = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, "Use a three-letter ISO 4217 currency code, such as usd")

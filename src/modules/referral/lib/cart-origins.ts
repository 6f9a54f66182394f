import { generateEntityId } from "@medusajs/framework/utils"
import type { CartOrigin } from "../../../types/referral/cart-origin"
import { DAY_MS } from "../../../types/referral/constants"
import type { Knex } from "./transaction"

/** Writes a cart's origin, replacing the one it had: one row per cart, even with two requests at once. */
export async function upsertCartOrigin(knex: Knex, cartId: string, origin: CartOrigin) {
  const now = new Date()
  await knex("referral_cart_origin")
    .insert({ id: generateEntityId(undefined, "refco"), cart_id: cartId, ...origin, created_at: now, updated_at: now })
    .onConflict(knex.raw("(cart_id) WHERE deleted_at IS NULL"))
    .merge({ ip: origin.ip, visitor_id: origin.visitor_id, source: origin.source, updated_at: now })
}

/**
 * Deletes (for good, not soft) the origins of the given carts, or of carts last
 * used before a date (abandoned with a referral code, so never decided).
 * Answers how many went.
 */
export async function deleteCartOrigins(
  knex: Knex,
  filter: { cart_ids: string[] } | { updated_before: Date }
): Promise<number> {
  const rows = knex("referral_cart_origin")
  if ("cart_ids" in filter) {
    return filter.cart_ids.length ? await rows.whereIn("cart_id", filter.cart_ids).delete() : 0
  }
  return await rows.where("updated_at", "<", filter.updated_before).delete()
}

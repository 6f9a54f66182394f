import type { AnonymisedRows } from "../../../types/referral/privacy"
import { deleteCartOrigins } from "./cart-origins"
import type { Knex } from "./transaction"

/**
 * Anonymises one customer's personal data in the plugin's tables, in the
 * caller's transaction: as a friend (by customer id, or by email for a guest
 * attempt) their email, address network and visitor id; the touches of their
 * visitor ids; the texts of the prompts and share messages written for them;
 * the origins (address, visitor id) of their carts.
 * Ids, statuses, amounts and timestamps stay, so counts and the ledger still
 * add up. Touching only rows that still hold something makes a second run
 * change nothing.
 */
export async function anonymiseCustomerRows(
  knex: Knex,
  customerId: string,
  emails: string[],
  cartIds: string[]
): Promise<AnonymisedRows> {
  const now = new Date()
  const asFriend = knex("referral")
    .whereNull("deleted_at")
    .where((q) => {
      q.where("referee_customer_id", customerId)
      if (emails.length) {
        q.orWhereIn("referee_email", emails)
      }
    })
  const visitorIds = (await asFriend.clone().whereNotNull("visitor_id").distinct("visitor_id")).map(
    (row: { visitor_id: string }) => row.visitor_id
  )
  const referrals = await asFriend
    .clone()
    .where((q) => q.whereNotNull("referee_email").orWhereNotNull("ip_address").orWhereNotNull("visitor_id"))
    .update({ referee_email: null, ip_address: null, visitor_id: null, updated_at: now })

  const touches = await knex("referral_touch")
    .whereNull("deleted_at")
    .whereNotNull("visitor_id")
    .where((q) => {
      q.where("customer_id", customerId)
      if (visitorIds.length) {
        q.orWhereIn("visitor_id", visitorIds)
      }
    })
    .update({ visitor_id: null, updated_at: now })

  const prompts = await knex("referral_prompt")
    .whereNull("deleted_at")
    .where("customer_id", customerId)
    .whereNot("message", "")
    .update({ message: "", updated_at: now })

  const messages = await knex("referral_message")
    .whereNull("deleted_at")
    .where("customer_id", customerId)
    .where((q) => q.whereNot("message", "").orWhereNotNull("subject"))
    .update({ message: "", subject: null, updated_at: now })

  const cart_origins = await deleteCartOrigins(knex, { cart_ids: cartIds })

  return { referrals, touches, prompts, messages, cart_origins }
}

/**
 * The retention rule, in the caller's transaction: IP networks and visitor
 * ids of referrals and touches created before `identifiersBefore` are nulled;
 * the texts of share messages and prompts created before `messagesBefore` are
 * blanked once their prompt is no longer open (an open prompt still serves its
 * message); cart origins last used before `identifiersBefore` are deleted.
 * Only rows that still hold something are touched, so a second run
 * changes nothing.
 */
export async function applyRetentionRows(
  knex: Knex,
  identifiersBefore: Date,
  messagesBefore: Date
): Promise<AnonymisedRows> {
  const now = new Date()
  const referrals = await knex("referral")
    .whereNull("deleted_at")
    .where("created_at", "<", identifiersBefore)
    .where((q) => q.whereNotNull("ip_address").orWhereNotNull("visitor_id"))
    .update({ ip_address: null, visitor_id: null, updated_at: now })

  const touches = await knex("referral_touch")
    .whereNull("deleted_at")
    .where("created_at", "<", identifiersBefore)
    .whereNotNull("visitor_id")
    .update({ visitor_id: null, updated_at: now })

  const prompts = await knex("referral_prompt")
    .whereNull("deleted_at")
    .where("created_at", "<", messagesBefore)
    .whereNot("status", "open")
    .whereNot("message", "")
    .update({ message: "", updated_at: now })

  const messages = await knex("referral_message")
    .whereNull("deleted_at")
    .where("created_at", "<", messagesBefore)
    .where((q) => q.whereNot("message", "").orWhereNotNull("subject"))
    .whereNotExists(
      knex("referral_prompt")
        .select(knex.raw("1"))
        .whereRaw("referral_prompt.id = referral_message.prompt_id")
        .where("referral_prompt.status", "open")
    )
    .update({ message: "", subject: null, updated_at: now })

  // Carts abandoned with a code: their referral is never decided, so their origin goes with the identifiers.
  const cart_origins = await deleteCartOrigins(knex, { updated_before: identifiersBefore })

  return { referrals, touches, prompts, messages, cart_origins }
}

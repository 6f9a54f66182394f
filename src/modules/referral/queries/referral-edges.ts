import { CONVERTED_REFERRAL_STATUSES } from "../../../types/referral/constants"
import type { ReferralEdge } from "../../../ml/graph"
import type { Knex } from "../lib/transaction"

/** Every converted referral with a known friend, as an edge referrer → friend, in one query. */
export async function listReferralEdges(knex: Knex): Promise<ReferralEdge[]> {
  const rows = await knex("referral")
    .select("referrer_customer_id as referrer", "referee_customer_id as friend")
    .whereIn("status", [...CONVERTED_REFERRAL_STATUSES])
    .whereNotNull("referee_customer_id")
    .whereNull("deleted_at")
    .orderBy("converted_at")
  return rows
}

import { CONVERTED_REFERRAL_STATUSES } from "../../../types/referral/constants"
import type { ReferralEdge } from "../../../ml/graph"
import type { Knex } from "../lib/transaction"

/** The converted referrals below a customer, level by level, to `depth` levels (one query per level). */
export async function listReferralSubtree(knex: Knex, customerId: string, depth: number): Promise<ReferralEdge[]> {
  const edges: ReferralEdge[] = []
  const seen = new Set([customerId])
  let frontier = [customerId]
  for (let level = 0; level < depth && frontier.length; level++) {
    const rows = await knex("referral")
      .select("referrer_customer_id as referrer", "referee_customer_id as friend")
      .whereIn("referrer_customer_id", frontier)
      .whereIn("status", [...CONVERTED_REFERRAL_STATUSES])
      .whereNotNull("referee_customer_id")
      .whereNull("deleted_at")
    edges.push(...rows)
    frontier = rows.map((row: { friend: string }) => row.friend).filter((id: string) => !seen.has(id))
    frontier.forEach((id) => seen.add(id))
  }
  return edges
}

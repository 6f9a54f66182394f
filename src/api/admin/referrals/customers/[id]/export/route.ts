import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../../../../../rules/normalize-identity"
import {
  EXPORT_REFEREE_REFERRAL_FIELDS,
  EXPORT_REFERRER_REFERRAL_FIELDS,
  type AdminReferralCustomerExportResponse,
} from "../../../../../../types"

/**
 * Everything the plugin holds about one customer, as JSON, for an access
 * request: codes, referrals they made (without their friends' data) and
 * referrals they were the friend in (with what was recorded about them:
 * email, address network, visitor id), rewards, prompts, share messages,
 * touches, viral moments, experiment assignments and their network position.
 * Works for a deleted (erased) customer too, showing what is left.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralCustomerExportResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = req.params.id
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { id: customerId },
    withDeleted: true,
  })
  const email = normalizeEmail(customers[0]?.email)
  const [codes, asReferrer, asRefereeById, asRefereeByEmail, rewards, prompts, messages, ownTouches, moments, assignments, network] =
    await Promise.all([
      graph("referral_code", ["id", "code", "status", "uses", "arm_id", "promotion_id", "created_at"], { customer_id: customerId }),
      graph("referral", [...EXPORT_REFERRER_REFERRAL_FIELDS], { referrer_customer_id: customerId }),
      graph("referral", [...EXPORT_REFEREE_REFERRAL_FIELDS], { referee_customer_id: customerId }),
      email ? graph("referral", [...EXPORT_REFEREE_REFERRAL_FIELDS], { referee_email: email }) : [],
      graph("referral_reward", ["id", "role", "kind", "amount", "currency_code", "status", "release_at", "issued_at", "revoked_at",
        "note", "created_at"], { customer_id: customerId }),
      graph("referral_prompt", ["id", "arm_id", "context_key", "propensity", "message", "message_source", "status", "expires_at",
        "created_at"], { customer_id: customerId }),
      graph("referral_message", ["id", "prompt_id", "channel", "message", "subject", "source", "created_at"], { customer_id: customerId }),
      graph("referral_touch", TOUCH_FIELDS, { customer_id: customerId }),
      graph("viral_moment", ["id", "trigger", "trigger_id", "signals", "score", "decision", "reason", "created_at"], { customer_id: customerId }),
      graph("referral_assignment", ["experiment_id", "variant_key", "created_at"], { customer_id: customerId }),
      graph("customer_network", ["out_degree", "descendants", "generations", "depth", "pagerank", "super_connector", "computed_at"],
        { customer_id: customerId }),
    ])
  if (!customers.length && !codes.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id ${customerId} was not found`)
  }

  const asReferee = uniqueById([...asRefereeById, ...asRefereeByEmail])
  // Their clicks carry no customer id, only the visitor id their attempts recorded.
  const visitorIds = [...new Set(asReferee.map((referral) => referral.visitor_id).filter((id): id is string => !!id))]
  const visitorTouches = visitorIds.length ? await graph("referral_touch", TOUCH_FIELDS, { visitor_id: visitorIds }) : []

  res.json({
    export: {
      customer_id: customerId,
      exported_at: new Date().toISOString(),
      referral_codes: codes,
      referrals_as_referrer: asReferrer,
      referrals_as_referee: asReferee,
      rewards,
      prompts,
      messages,
      touches: uniqueById([...ownTouches, ...visitorTouches]),
      moments,
      assignments,
      network: network[0] ?? null,
    },
  } as AdminReferralCustomerExportResponse)

  async function graph(entity: string, fields: string[], filters: Record<string, unknown>) {
    const { data } = await query.graph({ entity, fields, filters, pagination: { order: { created_at: "ASC" } } })
    return data as Record<string, any>[]
  }
}

const TOUCH_FIELDS = ["id", "type", "code", "channel", "visitor_id", "created_at"]

function uniqueById<T extends Record<string, any>>(rows: T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()]
}

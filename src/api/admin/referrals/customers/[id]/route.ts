import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../../../modules/referral"
import type { IReferralModuleService } from "../../../../../types"
import { shareUrl } from "../../../../../utils/share-url"
import { offerResponse } from "../../../../utils/offer-response"
import { describeReferralFlags } from "../../../../../rules/describe-referral-flag"
import { defaultAdminReferralFields } from "../../query-config"
import type { AdminCustomerReferralsResponse } from "../../../../../types"

/**
 * One customer's referral picture for the admin widget: code, referrals they
 * made, rewards, prompts (each with its arm, the offer it put to them),
 * moments, and their place in the referral network as last computed.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerReferralsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const referralsModule = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const customerId = req.params.id
  const [
    { data: codes },
    { data: referrals },
    { data: rewards },
    { data: prompts },
    { data: moments },
    { data: networkRows },
  ] = await Promise.all([
    query.graph({
      entity: "referral_code",
      fields: ["id", "code", "status", "uses", "arm_id", "promotion_id", "created_at"],
      filters: { customer_id: customerId },
    }),
    query.graph({
      entity: "referral",
      fields: defaultAdminReferralFields,
      filters: { referrer_customer_id: customerId },
      pagination: { order: { created_at: "DESC" }, take: 50 },
    }),
    query.graph({
      entity: "referral_reward",
      fields: ["*"],
      filters: { customer_id: customerId },
      pagination: { order: { created_at: "DESC" }, take: 50 },
    }),
    query.graph({
      entity: "referral_prompt",
      fields: ["id", "arm_id", "context_key", "propensity", "probability", "status", "message", "message_source",
        "message_fallback_reason", "expires_at", "created_at"],
      filters: { customer_id: customerId },
      pagination: { order: { created_at: "DESC" }, take: 10 },
    }),
    query.graph({
      entity: "viral_moment",
      fields: ["id", "trigger", "signals", "score", "propensity_band", "decision", "reason", "created_at"],
      filters: { customer_id: customerId },
      pagination: { order: { created_at: "DESC" }, take: 20 },
    }),
    query.graph({
      entity: "customer_network",
      fields: ["out_degree", "descendants", "generations", "depth", "pagerank", "super_connector", "computed_at"],
      filters: { customer_id: customerId },
    }),
  ])
  const armIds = [...new Set(prompts.map((prompt) => prompt.arm_id))]
  const { data: arms } = await query.graph({
    entity: "incentive_arm",
    fields: ["id", "name", "referee_type", "referee_value", "referee_currency_code", "referrer_type", "referrer_value",
      "referrer_currency_code"],
    filters: { id: armIds },
  })
  const code = codes[0]
  res.json({
    referral_code: code
      ? { ...code, share_url: shareUrl(code.code, referralsModule.getOptions().share_url_template) }
      : null,
    referrals: referrals.map((referral) => ({ ...referral, flags: describeReferralFlags(referral.flags) })),
    rewards,
    prompts: prompts.map((prompt) => {
      const arm = arms.find((candidate) => candidate.id === prompt.arm_id)
      return { ...prompt, arm: arm ? { id: arm.id, name: arm.name, offer: offerResponse(arm) } : null }
    }),
    moments,
    network: networkRows[0] ?? null,
  })
}

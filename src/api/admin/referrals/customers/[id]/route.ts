import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../../../modules/referral"
import type ReferralModuleService from "../../../../../modules/referral/service"
import { shareUrl } from "../../../../../utils/share-url"
import { defaultAdminReferralFields } from "../../query-config"

/** One customer's referral picture for the admin widget: code, referrals they made, rewards, prompts and moments. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const referralsModule = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  const customerId = req.params.id
  const [{ data: codes }, { data: referrals }, { data: rewards }, { data: prompts }, { data: moments }] = await Promise.all([
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
  ])
  const code = codes[0]
  res.json({
    referral_code: code
      ? { ...code, share_url: shareUrl(code.code, referralsModule.getOptions().share_url_template) }
      : null,
    referrals,
    rewards,
    prompts,
    moments,
  })
}

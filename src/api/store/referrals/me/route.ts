import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type { IReferralModuleService } from "../../../../types"
import { sumByCurrency } from "../../../../utils/money"
import { shareUrl } from "../../../../utils/share-url"
import { ensureReferralCodeWorkflow } from "../../../../workflows"
import { offerResponse } from "../../../utils/offer-response"
import type { StoreMyReferralsResponse } from "../../../../types"

/**
 * The signed-in shopper's referral page: their code and link (created on first
 * visit for customers who existed before the plugin), the offer, what their
 * referrals have done, and what they earned. Only ever the caller's own data.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreMyReferralsResponse>) => {
  const customerId = req.auth_context.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [existing],
  } = await query.graph({
    entity: "referral_code",
    fields: ["id", "code", "status", "arm_id"],
    filters: { customer_id: customerId },
  })
  const code =
    existing ?? (await ensureReferralCodeWorkflow(req.scope).run({ input: { customer_id: customerId } })).result

  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [{ data: arms }, { data: referralRows }, { data: rewards }, { data: prompts }] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ["*"], filters: { id: code.arm_id ?? [] } }),
    query.graph({ entity: "referral", fields: ["id", "status"], filters: { referrer_customer_id: customerId } }),
    query.graph({
      entity: "referral_reward",
      fields: ["id", "kind", "amount", "currency_code", "status", "release_at", "issued_at", "metadata"],
      filters: { customer_id: customerId, role: "referrer" },
    }),
    query.graph({
      entity: "referral_prompt",
      fields: ["id", "arm_id", "message", "message_source", "expires_at"],
      filters: { customer_id: customerId, status: "open", expires_at: { $gt: new Date() } },
      pagination: { order: { created_at: "DESC" }, take: 1 },
    }),
  ])
  const prompt = prompts[0]
  // The live prompt's offer is the code's current arm: creating the prompt set it.
  const promptArm = prompt ? arms.find((arm) => arm.id === prompt.arm_id) ?? arms[0] : null

  // A percentage reward code is not money: listed, never added into what was earned.
  const isPercentage = (reward: { metadata?: Record<string, unknown> | null }) =>
    reward.metadata?.promotion_type === "percentage"
  const moneyRewards = rewards.filter((reward) => !isPercentage(reward))
  const count = (status: string) => referralRows.filter((row) => row.status === status).length
  res.json({
    referral_code: {
      code: code.code,
      status: code.status,
      share_url: shareUrl(code.code, referrals.getOptions().share_url_template),
      offer: offerResponse(arms[0]),
    },
    stats: {
      pending: count("pending") + count("review"),
      converted: count("converted"),
      rewarded: count("rewarded"),
      rewards_earned: sumByCurrency(moneyRewards.filter((reward) => reward.status === "issued")),
      rewards_held: sumByCurrency(moneyRewards.filter((reward) => reward.status === "held")),
    },
    rewards: rewards.map((reward) => ({
      id: reward.id,
      kind: reward.kind,
      amount: reward.amount,
      currency_code: reward.currency_code,
      percentage: isPercentage(reward),
      status: reward.status,
      release_at: reward.release_at,
      issued_at: reward.issued_at,
      code: reward.metadata?.code ?? null,
    })),
    prompt: prompt
      ? {
          id: prompt.id,
          offer: offerResponse(promptArm),
          message: prompt.message,
          message_source: prompt.message_source,
          expires_at: prompt.expires_at,
        }
      : null,
  })
}

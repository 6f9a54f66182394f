import { PromotionActions } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { REFERRAL_MODULE } from "../../modules/referral"
import type { IReferralModuleService } from "../../types"
import { REFERRAL_CODE_CONTEXT_ATTRIBUTE, referralCodeCandidates } from "../../rules/currency-promotions"

/**
 * Names the active referral code a cart carries in the promotion context, so
 * the code's automatic promotion for the cart's currency applies (see
 * `rules/currency-promotions.ts`): the shopper types one code whatever the
 * currency, and a refresh of the cart keeps the discount.
 */
updateCartPromotionsWorkflow.hooks.setPromotionContext(async ({ cart, action, promo_codes }, { container }) => {
  const onCart: string[] = (cart.promotions ?? []).map((promotion: { code?: string | null }) => promotion?.code ?? "")
  const removed = new Set(action === PromotionActions.REMOVE ? referralCodeCandidates(promo_codes) : [])
  const codes =
    action === PromotionActions.REPLACE
      ? promo_codes
      : action === PromotionActions.REMOVE
        ? onCart.filter((code) => !referralCodeCandidates([code]).some((candidate) => removed.has(candidate)))
        : [...onCart, ...promo_codes]
  const candidates = referralCodeCandidates(codes.filter(Boolean))
  if (!candidates.length) {
    return new StepResponse(undefined)
  }
  const [code] = await container
    .resolve<IReferralModuleService>(REFERRAL_MODULE)
    .listReferralCodes({ code: candidates, status: "active" }, { take: 1, select: ["code"] })
  return new StepResponse(code ? { [REFERRAL_CODE_CONTEXT_ATTRIBUTE]: code.code } : undefined)
})

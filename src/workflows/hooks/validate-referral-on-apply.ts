import { MedusaError, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { checkAndRecordReferralRedemptionWorkflow } from "../redemption/workflows/check-and-record-referral-redemption"

/**
 * When a shopper types a referral code into the cart's promo-code field, check
 * the rules at once, so a refused code never reaches the cart. Only refusals
 * are recorded here: an accepted code counts as applied once Medusa has put it
 * on the cart (`recordAcceptedReferralCode`). Cart refreshes (which replace
 * codes) are left alone; checkout checks again with the full cart.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  if (action !== PromotionActions.ADD || !input.promo_codes?.length) {
    return
  }
  const { result: verdict } = await checkAndRecordReferralRedemptionWorkflow(container).run({
    input: { cart_id: cart.id, promo_codes: input.promo_codes, record_accepted: false },
  })
  if (verdict && !verdict.ok) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, verdict.message)
  }
})

import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { checkAndRecordReferralRedemptionWorkflow } from "../redemption/workflows/check-and-record-referral-redemption"

/**
 * Before the order is created, check the referral code on the cart again with
 * everything now known (email, shipping address, phone). A refusal stops the
 * checkout with a message the shopper can act on: remove the code and retry.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (cart.completed_at) {
    // A repeated completion of a placed order: its referral was decided then.
    return
  }
  const { result: verdict } = await checkAndRecordReferralRedemptionWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  if (verdict && !verdict.ok) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, verdict.message)
  }
})

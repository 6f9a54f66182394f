import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { CartOrigin } from "../../../types/referral/cart-origin"

export const forgetCartOriginStepId = "forget-referral-cart-origin"

/**
 * Deletes the client address and visitor id kept for a referral's cart once
 * the referral is decided (converted, held for review, refused): the referral
 * carries what the velocity rule needs from then on, so the origin is not kept
 * longer than it is used. Compensation writes the row back.
 */
export const forgetCartOriginStep = createStep(
  forgetCartOriginStepId,
  async (input: { referral_id: string | null }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [referral] = input.referral_id
      ? await referrals.listReferrals({ id: input.referral_id }, { take: 1, select: ["id", "cart_id"] })
      : []
    if (!referral?.cart_id) {
      return new StepResponse(null, null)
    }
    const origins = await referrals.listReferralCartOrigins({ cart_id: referral.cart_id })
    if (!origins.length) {
      return new StepResponse(null, null)
    }
    await referrals.deleteReferralCartOrigins(origins.map((origin) => origin.id))
    const [{ ip, visitor_id, source }] = origins
    return new StepResponse(null, { cart_id: referral.cart_id, origin: { ip, visitor_id, source } as CartOrigin })
  },
  async (forgotten, { container }) => {
    if (forgotten) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).recordCartOrigin(forgotten.cart_id, forgotten.origin)
    }
  }
)

import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { discountApplicationMethod, refereeOffer } from "../../../rules/offer"
import { syncCurrencyPromotions } from "../utils/currency-promotions"

export const updateCodePromotionOfferStepId = "update-referral-code-promotion-offer"

export type UpdateCodePromotionOfferStepInput = {
  promotion_id: string | null
  /** The arm whose friend side the promotion gives from now on. */
  arm_id: string
  /** The arm the code had before; nothing changes when it is the same. */
  previous_arm_id: string | null
}

/**
 * A code's promotion carries the friend side of its arm: when the code moves to
 * another arm, the promotion is updated, never duplicated (with its currency
 * promotions, see `syncCurrencyPromotions`). Compensation gives the
 * promotion the previous arm's friend side back.
 */
export const updateCodePromotionOfferStep = createStep(
  updateCodePromotionOfferStepId,
  async (input: UpdateCodePromotionOfferStepInput, { container }) => {
    if (!input.promotion_id || input.previous_arm_id === input.arm_id) {
      return new StepResponse(null, null)
    }
    await applyArmOffer(container, input.promotion_id, input.arm_id)
    return new StepResponse(null, { promotion_id: input.promotion_id, previous_arm_id: input.previous_arm_id })
  },
  async (undo, { container }) => {
    if (undo?.previous_arm_id) {
      await applyArmOffer(container, undo.promotion_id, undo.previous_arm_id)
    }
  }
)

async function applyArmOffer(container: MedusaContainer, promotionId: string, armId: string) {
  const arm = (await container.resolve<IReferralModuleService>(REFERRAL_MODULE).retrieveIncentiveArm(armId))
  const promotions = container.resolve(Modules.PROMOTION)
  const [promotion] = await promotions.updatePromotions([
    { id: promotionId, application_method: discountApplicationMethod(refereeOffer(arm)) },
  ])
  // The other currencies of a fixed friend discount follow the arm too, on or off like the code's own promotion.
  await syncCurrencyPromotions(container, promotion.code!, arm, promotion.status === "active")
}

import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const setCodePromotionStatusStepId = "set-referral-code-promotion-status"

export type SetCodePromotionStatusStepInput = {
  promotion_id: string | null
  /** The code's new status. */
  status: "active" | "disabled"
}

/**
 * A code's promotion follows the code on or off, so a disabled code is refused
 * by Medusa's promotion engine as well as by the referral rules. Compensation
 * puts back the promotion's status from before the change.
 */
export const setCodePromotionStatusStep = createStep(
  setCodePromotionStatusStepId,
  async (input: SetCodePromotionStatusStepInput, { container }) => {
    if (!input.promotion_id) {
      return new StepResponse(null, null)
    }
    const promotions = container.resolve(Modules.PROMOTION)
    const before = await promotions.retrievePromotion(input.promotion_id, { select: ["id", "status"] })
    await promotions.updatePromotions([
      { id: input.promotion_id, status: input.status === "active" ? "active" : "inactive" },
    ])
    return new StepResponse(null, { id: before.id, status: before.status })
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve(Modules.PROMOTION).updatePromotions([before])
    }
  }
)

import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { codePromotionsLive } from "../../../rules/code-promotions"
import { loadArmCurrencies, setCodePromotionsStatus } from "../utils/code-promotions-status"

export const setCodePromotionStatusStepId = "set-referral-code-promotion-status"

export type SetCodePromotionStatusStepInput = {
  promotion_id: string | null
  /** The code's new status. */
  status: "active" | "disabled"
}

/**
 * A code's promotions follow the code on or off, so a disabled code is refused
 * by Medusa's promotion engine as well as by the referral rules: its own
 * promotion and its currency promotions. While the program is switched off
 * they stay inactive even for an active code (see `rules/code-promotions.ts`).
 * Compensation puts back the promotions' statuses from before the change.
 */
export const setCodePromotionStatusStep = createStep(
  setCodePromotionStatusStepId,
  async (input: SetCodePromotionStatusStepInput, { container }) => {
    if (!input.promotion_id) {
      return new StepResponse(null, [])
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [code] = await referrals.listReferralCodes(
      { promotion_id: input.promotion_id },
      { take: 1, select: ["code", "promotion_id", "arm_id"] }
    )
    const program = await referrals.retrieveProgramSettings()
    const live = codePromotionsLive(program, { status: input.status })
    // A promotion no code points at (any more) is switched alone.
    const before = await setCodePromotionsStatus(
      container,
      [{ code: code?.code ?? "", promotion_id: input.promotion_id, arm_id: code?.arm_id ?? null, live }],
      code ? await loadArmCurrencies(container) : { byArm: new Map(), all: [] }
    )
    return new StepResponse(null, before)
  },
  async (before, { container }) => {
    if (before?.length) {
      await container.resolve(Modules.PROMOTION).updatePromotions(before)
    }
  }
)

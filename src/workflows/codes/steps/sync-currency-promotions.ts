import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ArmLike } from "../../../rules/offer"
import { syncCurrencyPromotions } from "../utils/currency-promotions"

export const syncCurrencyPromotionsStepId = "sync-referral-currency-promotions"

export type SyncCurrencyPromotionsStepInput = {
  code: string
  arm: ArmLike
  /** Whether the code's promotions give the discount now: false while the program is off. */
  live: boolean
}

/**
 * A new code's promotions for the other currencies its arm's fixed friend
 * discount lists. Compensation deletes the promotions it created.
 */
export const syncCurrencyPromotionsStep = createStep(
  syncCurrencyPromotionsStepId,
  async (input: SyncCurrencyPromotionsStepInput, { container }) => {
    const created = await syncCurrencyPromotions(container, input.code, input.arm, input.live)
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve(Modules.PROMOTION).deletePromotions(created)
    }
  }
)

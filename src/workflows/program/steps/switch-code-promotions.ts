import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { codePromotionsLive } from "../../../rules/code-promotions"
import { loadArmCurrencies, setCodePromotionsStatus } from "../../codes/utils/code-promotions-status"

export const switchCodePromotionsStepId = "switch-referral-code-promotions"

export type SwitchCodePromotionsStepInput = {
  /** The program switch from now on. */
  enabled: boolean
  /** The switch before this change, which compensation brings the promotions back to. */
  previous_enabled: boolean
}

export type SwitchCodePromotionsStepOutput = { promotions_changed: number }

/** Codes read per page, their promotions updated in one go each (see `PROMOTION_BATCH`). */
const CODE_PAGE = 500

/**
 * The program switch reaches Medusa's promotion engine: off, every referral
 * code's promotions (its own and its currency promotions) become inactive, so a
 * code applied outside the storefront's checks (an admin's draft order, a cart
 * refreshed later) gives no discount; on, those of active codes are active
 * again, while individually disabled or erased codes keep theirs off. Codes are
 * paged by id and only promotions whose status differs are written, so a
 * repeated switch changes nothing. Compensation brings the promotions to the
 * previous switch; a page that fails does so before the error goes up.
 */
export const switchCodePromotionsStep = createStep(
  switchCodePromotionsStepId,
  async (input: SwitchCodePromotionsStepInput, { container }) => {
    let changed: number
    try {
      changed = await switchAll(container, input.enabled)
    } catch (error) {
      await switchAll(container, input.previous_enabled)
      throw error
    }
    return new StepResponse<SwitchCodePromotionsStepOutput, boolean>(
      { promotions_changed: changed },
      input.previous_enabled
    )
  },
  async (previousEnabled, { container }) => {
    if (previousEnabled !== undefined) {
      await switchAll(container, previousEnabled)
    }
  }
)

async function switchAll(container: MedusaContainer, enabled: boolean): Promise<number> {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const arms = await loadArmCurrencies(container)
  let changed = 0
  let after: string | null = null
  for (;;) {
    const page = await referrals.listReferralCodes(after ? { id: { $gt: after } } : {}, {
      take: CODE_PAGE,
      select: ["id", "code", "status", "promotion_id", "arm_id"],
      order: { id: "ASC" },
    })
    if (!page.length) {
      return changed
    }
    const targets = page.map((code) => ({ ...code, live: codePromotionsLive({ enabled }, code) }))
    changed += (await setCodePromotionsStatus(container, targets, arms)).length
    after = page[page.length - 1].id
  }
}

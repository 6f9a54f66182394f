import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { codePromotionsLive } from "../../../rules/code-promotions"
import { loadArmCurrencies, setCodePromotionsStatus } from "../../codes/utils/code-promotions-status"

export const syncCodePromotionsStepId = "sync-referral-code-promotions"

export type SyncCodePromotionsStepOutput = { promotions_changed: number }

/** Codes read per page, their promotions updated in one go each (see `PROMOTION_BATCH`). */
const CODE_PAGE = 500

/**
 * Brings every referral code's promotions (its own and its currency
 * promotions) in line with the program switch: off, all inactive, so a code
 * applied outside the storefront's checks (an admin's draft order, a cart
 * refreshed later) gives no discount; on, those of active codes active, while
 * codes disabled by an admin or erased keep theirs off. The switch is read
 * again for every page of 500 codes, so a run overtaken by a later switch
 * writes the later one from there on (the workflow runs one at a time). Only
 * promotions whose status differs are written: running it again changes
 * nothing, or repairs promotions switched by hand. Nothing to compensate:
 * a run that fails part-way is finished by the next (the event's redelivery).
 */
export const syncCodePromotionsStep = createStep(syncCodePromotionsStepId, async (_: void, { container }) => {
  return new StepResponse<SyncCodePromotionsStepOutput>({ promotions_changed: await syncAll(container) })
})

async function syncAll(container: MedusaContainer): Promise<number> {
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
    const program = await referrals.retrieveProgramSettings()
    const targets = page.map((code) => ({ ...code, live: codePromotionsLive(program, code) }))
    changed += (await setCodePromotionsStatus(container, targets, arms)).length
    after = page[page.length - 1].id
  }
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { discountApplicationMethod, refereeOffer } from "../../../rules/offer"
import { syncCurrencyPromotions } from "../../codes/utils/currency-promotions"

export const repointWithdrawnArmCodesStepId = "repoint-withdrawn-arm-codes"

export type RepointWithdrawnArmCodesStepInput = {
  /** The offer that was withdrawn. */
  arm_id: string
  /** The offer its codes carry from now on: the default. */
  default_arm_id: string
}

/** Codes moved per batch, so a store with many codes never loads them all at once. */
const BATCH = 500

type MovedCode = { id: string; promotion_id: string | null }

/**
 * Every code that carries a withdrawn offer moves to the default offer, and its
 * promotion, with its promotions for other currencies, gives the friend the
 * default offer's side from now on (updated, never duplicated). Answers the moved codes' ids. Compensation moves them
 * back; a batch that fails is taken back before the error goes up.
 */
export const repointWithdrawnArmCodesStep = createStep(
  repointWithdrawnArmCodesStepId,
  async (input: RepointWithdrawnArmCodesStepInput, { container }) => {
    const moved: MovedCode[] = []
    try {
      await moveCodes(container, input.arm_id, input.default_arm_id, moved)
    } catch (error) {
      await moveBack(container, { ...input, moved })
      throw error
    }
    return new StepResponse(
      moved.map((code) => code.id),
      { ...input, moved }
    )
  },
  async (undo, { container }) => {
    if (undo?.moved.length) {
      await moveBack(container, undo)
    }
  }
)

async function moveCodes(container: MedusaContainer, fromArmId: string, toArmId: string, moved: MovedCode[]) {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const target = await referrals.retrieveIncentiveArm(toArmId)
  for (;;) {
    // Moved codes leave the filter, so each batch is the next one.
    const batch = await referrals.listReferralCodes(
      { arm_id: fromArmId },
      { take: BATCH, select: ["id", "promotion_id"], order: { id: "ASC" } }
    )
    if (!batch.length) {
      return
    }
    await setPromotionsOffer(container, batch, target)
    await referrals.updateReferralCodes(batch.map((code) => ({ id: code.id, arm_id: toArmId })))
    moved.push(...batch.map((code) => ({ id: code.id, promotion_id: code.promotion_id ?? null })))
  }
}

async function moveBack(
  container: MedusaContainer,
  undo: RepointWithdrawnArmCodesStepInput & { moved: MovedCode[] }
) {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const withdrawn = await referrals.retrieveIncentiveArm(undo.arm_id)
  for (let start = 0; start < undo.moved.length; start += BATCH) {
    const batch = undo.moved.slice(start, start + BATCH)
    await referrals.updateReferralCodes(batch.map((code) => ({ id: code.id, arm_id: undo.arm_id })))
    await setPromotionsOffer(container, batch, withdrawn)
  }
}

async function setPromotionsOffer(
  container: MedusaContainer,
  codes: { promotion_id?: string | null }[],
  arm: Parameters<typeof refereeOffer>[0]
) {
  const application_method = discountApplicationMethod(refereeOffer(arm))
  const updates = codes
    .filter((code): code is { promotion_id: string } => !!code.promotion_id)
    .map((code) => ({ id: code.promotion_id, application_method }))
  if (!updates.length) {
    return
  }
  const promotions = await container.resolve(Modules.PROMOTION).updatePromotions(updates)
  // A fixed discount's other currencies follow the offer too: a EUR friend gets the new offer's EUR amount, or none;
  // they are on or off like the code's own promotion (off while the program is, or the code is disabled).
  for (const promotion of promotions) {
    await syncCurrencyPromotions(container, promotion.code!, arm, promotion.status === "active")
  }
}

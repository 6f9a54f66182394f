import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { type ArmLike, discountApplicationMethod, refereeOffer } from "../../../utils/offer"
import { DAY_MS } from "../../../types"

export const createReferralPromptStepId = "create-referral-prompt"

export type CreateReferralPromptStepInput = {
  customer_id: string
  moment_id: string
  referral_code: { id: string; code: string; promotion_id: string | null; arm_id: string | null }
  arm_id: string
  context: Record<string, unknown>
  context_key: string
  sampled: Record<string, unknown>
  probability: number
  propensity: number | null
  attribution_window_days: number
  message: { message: string; source: "llm" | "template"; fallback_reason: string | null }
  /** The experiment variants the customer is in, e.g. "policy:bandit,message:llm". */
  variant: string | null
}


/**
 * Puts the chosen offer to the customer: their code's promotion now carries the
 * arm's friend side (updated, never duplicated), the prompt is saved with the
 * message written for it and the decision log, and the pull is counted for the arm. Compensation
 * removes the prompt and gives the code its previous offer back.
 */
export const createReferralPromptStep = createStep(
  createReferralPromptStepId,
  async (input: CreateReferralPromptStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const arm = await referrals.retrieveIncentiveArm(input.arm_id)
    const previousArmId = input.referral_code.arm_id
    if (previousArmId !== arm.id) {
      await setCodeOffer(container, referrals, input.referral_code, arm)
    }
    const prompt = await referrals.createReferralPrompts({
      customer_id: input.customer_id,
      referral_code_id: input.referral_code.id,
      moment_id: input.moment_id,
      arm_id: arm.id,
      context: input.context,
      context_key: input.context_key,
      propensity: input.propensity,
      message: input.message.message,
      message_source: input.message.source,
      message_fallback_reason: input.message.fallback_reason,
      variant: input.variant,
      expires_at: new Date(Date.now() + input.attribution_window_days * DAY_MS),
      sampled: input.sampled,
      probability: input.probability,
    })
    await referrals.recordBanditPull(arm.id, input.context_key)
    const restore = previousArmId && previousArmId !== arm.id ? previousArmId : null
    return new StepResponse(prompt, { prompt_id: prompt.id, referral_code: input.referral_code, restore_arm_id: restore })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    await referrals.deleteReferralPrompts(undo.prompt_id)
    if (undo.restore_arm_id) {
      const previous = await referrals.retrieveIncentiveArm(undo.restore_arm_id)
      await setCodeOffer(container, referrals, undo.referral_code, previous)
    }
  }
)

async function setCodeOffer(
  container: Parameters<Parameters<typeof createStep>[1]>[1]["container"],
  referrals: IReferralModuleService,
  code: CreateReferralPromptStepInput["referral_code"],
  arm: ArmLike
) {
  if (code.promotion_id) {
    await container
      .resolve(Modules.PROMOTION)
      .updatePromotions([{ id: code.promotion_id, application_method: discountApplicationMethod(refereeOffer(arm)) }])
  }
  await referrals.updateReferralCodes({ id: code.id, arm_id: arm.id })
}

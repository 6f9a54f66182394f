import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { DAY_MS } from "../../../types/referral/constants"

export const listExpiringSharedPromptsStepId = "list-expiring-shared-prompts"

/** Open prompts the customer shared whose offer ends within the reminder window; none when reminders are off. */
export const listExpiringSharedPromptsStep = createStep(
  listExpiringSharedPromptsStepId,
  async (input: { now?: Date | string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const options = referrals.getNotificationOptions()
    if (!options.enabled || !options.send.offer_expiring) {
      return new StepResponse([] as string[])
    }
    // Workflow input is serialised: a Date arrives as its ISO string.
    const now = input.now ? new Date(input.now) : new Date()
    const prompts = await referrals.listReferralPrompts(
      { status: "open", expires_at: { $gte: now, $lte: new Date(now.getTime() + options.reminder_days_before * DAY_MS) } },
      { select: ["id", "referral_code_id"], take: 1000 }
    )
    if (!prompts.length) {
      return new StepResponse([] as string[])
    }
    const shares = await referrals.listReferralTouches(
      { type: "share", referral_code_id: [...new Set(prompts.map((p) => p.referral_code_id))] },
      { select: ["referral_code_id"] }
    )
    const shared = new Set(shares.map((t) => t.referral_code_id))
    return new StepResponse(prompts.filter((p) => shared.has(p.referral_code_id)).map((p) => p.id))
  }
)

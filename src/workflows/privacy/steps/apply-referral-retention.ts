import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { DAY_MS, type IReferralModuleService } from "../../../types"

export const applyReferralRetentionStepId = "apply-referral-retention"

/**
 * Applies the program's retention settings as of `now`: identifiers older than
 * `identifier_retention_days`, share messages older than
 * `message_retention_days`. No compensation: like an erasure, what is removed
 * is not kept; running it twice changes nothing more.
 */
export const applyReferralRetentionStep = createStep(
  applyReferralRetentionStepId,
  async (input: { now?: Date }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const settings = await referrals.retrieveProgramSettings()
    const now = (input.now ?? new Date()).getTime()
    const anonymised = await referrals.applyRetention(
      new Date(now - settings.identifier_retention_days * DAY_MS),
      new Date(now - settings.message_retention_days * DAY_MS)
    )
    return new StepResponse(anonymised)
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { normalizeCode } from "../../../rules/referral-code-format"

export const resolveActiveReferralCodeStepId = "resolve-active-referral-code"

/** The active referral code a shopper typed or followed; a clear 404 otherwise. */
export const resolveActiveReferralCodeStep = createStep(
  resolveActiveReferralCodeStepId,
  async (input: { code: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [code] = await referrals.listReferralCodes({ code: normalizeCode(input.code), status: "active" }, { take: 1 })
    if (!code) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${input.code} was not found`)
    }
    return new StepResponse(code)
  }
)

import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { generateReferralCode } from "../../../rules/referral-code-format"

export const generateReferralCodeStepId = "generate-referral-code"

const ATTEMPTS = 5

/** A fresh code that no referral code and no promotion of the store uses yet. */
export const generateReferralCodeStep = createStep(
  generateReferralCodeStepId,
  async (input: { first_name?: string | null }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const code = generateReferralCode(input.first_name)
      const [taken] = await referrals.listReferralCodes({ code }, { take: 1, withDeleted: true })
      const { data: promotions } = await query.graph({
        entity: "promotion",
        fields: ["id"],
        filters: { code },
      })
      if (!taken && !promotions.length) {
        return new StepResponse(code)
      }
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, "Could not find a free referral code; try again")
  }
)

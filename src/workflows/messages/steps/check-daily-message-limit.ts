import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveLlmOptions } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { DAY_MS } from "../../../types"

export const checkDailyMessageLimitStepId = "check-daily-share-message-limit"

export type DailyMessageLimit = { limit: number; reached: boolean }

/** Whether the customer already had their new messages for the last 24 hours (the LLM option `maxPerCustomerPerDay`). */
export const checkDailyMessageLimitStep = createStep(
  checkDailyMessageLimitStepId,
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const limit = resolveLlmOptions(container.resolve<IReferralModuleService>(REFERRAL_MODULE).getOptions().llm)
      .maxPerCustomerPerDay
    const { data: today } = await query.graph({
      entity: "referral_message",
      fields: ["id"],
      filters: { customer_id: input.customer_id, created_at: { $gte: new Date(Date.now() - DAY_MS) } },
      pagination: { take: limit },
    })
    const result: DailyMessageLimit = { limit, reached: today.length >= limit }
    return new StepResponse(result)
  }
)

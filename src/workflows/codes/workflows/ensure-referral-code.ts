import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createPromotionsWorkflow,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { discountApplicationMethod, refereeOffer } from "../../../rules/offer"
import { createReferralCodeStep } from "../steps/create-referral-code"
import { generateReferralCodeStep } from "../steps/generate-referral-code"
import { syncCurrencyPromotionsStep } from "../steps/sync-currency-promotions"
import { ensureDefaultArmStep } from "../../offers/steps/ensure-default-arm"
import { retrieveProgramSettingsStep } from "../../program/steps/retrieve-program-settings"
import { codePromotionsLive } from "../../../rules/code-promotions"

export const ensureReferralCodeWorkflowId = "ensure-referral-code"

export type EnsureReferralCodeWorkflowInput = { customer_id: string }

const CODE_FIELDS = ["id", "code", "customer_id", "promotion_id", "arm_id", "status", "uses"]

/**
 * Gives a customer their referral code, creating it (and the Medusa promotion
 * behind it) the first time: on `customer.created`, or on demand for customers
 * who existed before the plugin. A lock per customer makes concurrent calls
 * (the sign-up event and the shopper's first page view) create one code.
 */
export const ensureReferralCodeWorkflow = createWorkflow(
  ensureReferralCodeWorkflowId,
  (input: EnsureReferralCodeWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => `referral-code:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })

    const { data: existing } = useQueryGraphStep({
      entity: "referral_code",
      fields: CODE_FIELDS,
      filters: { customer_id: input.customer_id },
    }).config({ name: "existing-referral-code" })

    const created = when("referral-code-missing", { existing }, ({ existing }) => !existing.length).then(() => {
      const { data: customers } = useQueryGraphStep({
        entity: "customer",
        fields: ["id", "first_name"],
        filters: { id: input.customer_id },
        options: { throwIfKeyNotFound: true },
      }).config({ name: "referral-code-customer" })

      const arm = ensureDefaultArmStep()
      // A code made while the program is off gets its promotions switched off too, until the program is on.
      const program = retrieveProgramSettingsStep()
      const live = transform({ program }, ({ program }) => codePromotionsLive(program, { status: "active" }))
      const firstName = transform({ customers }, ({ customers }) => ({ first_name: customers[0]?.first_name }))
      const code = generateReferralCodeStep(firstName)

      const promotionsData = transform({ code, arm, live }, ({ code, arm, live }) => [
        {
          code,
          type: "standard" as const,
          status: live ? ("active" as const) : ("inactive" as const),
          is_automatic: false,
          application_method: discountApplicationMethod(refereeOffer(arm)),
          metadata: { referral: true },
        },
      ])
      const promotions = createPromotionsWorkflow.runAsStep({ input: { promotionsData } })
      syncCurrencyPromotionsStep(transform({ code, arm, live }, ({ code, arm, live }) => ({ code, arm, live })))

      const referralCode = createReferralCodeStep(
        transform({ code, arm, promotions, input }, ({ code, arm, promotions, input }) => ({
          code,
          customer_id: input.customer_id,
          promotion_id: promotions[0].id,
          arm_id: arm.id,
        }))
      )
      emitEventStep({
        eventName: ReferralEvents.CODE_CREATED,
        data: transform({ referralCode }, ({ referralCode }) => ({ id: referralCode.id })),
      })
      return referralCode
    })

    releaseLockStep({ key: lockKey })

    const referralCode = transform({ existing, created }, ({ existing, created }) => existing[0] ?? created)
    return new WorkflowResponse(referralCode)
  }
)

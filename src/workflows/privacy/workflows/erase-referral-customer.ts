import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { setCodePromotionStatusStep } from "../../codes/steps/set-code-promotion-status"
import { setReferralCodeStatusStep } from "../../codes/steps/set-referral-code-status"
import { anonymiseCustomerReferralDataStep } from "../steps/anonymise-customer-referral-data"
import { loadErasureSubjectStep } from "../steps/load-erasure-subject"
import { rejectErasedReferrerReviewsStep } from "../steps/reject-erased-referrer-reviews"
import { revokeCustomerHeldRewardsStep } from "../steps/revoke-customer-held-rewards"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"

export const eraseReferralCustomerWorkflowId = "erase-referral-customer"

export type EraseReferralCustomerInput = { customer_id: string }

/**
 * Erases one customer from the referral program, on Medusa's customer deletion
 * or an admin's request: their code and its promotion are switched off (no new
 * friend can use it), rewards still held for them are revoked, their
 * referrals waiting for review are rejected (nobody is left to pay), and their
 * personal data in the plugin's tables is anonymised. Ids, statuses, amounts
 * and issued rewards stay, so metrics and the ledger still add up. Running it
 * again changes nothing.
 */
export const eraseReferralCustomerWorkflow = createWorkflow(
  eraseReferralCustomerWorkflowId,
  (input: EraseReferralCustomerInput) => {
    const subject = loadErasureSubjectStep(input)

    const codeDisabled = when("erase-active-code", { subject }, ({ subject }) => !!subject.active_code).then(() => {
      const code = setReferralCodeStatusStep(
        transform({ subject }, ({ subject }) => ({ id: subject.active_code!.id, status: "disabled" as const }))
      )
      setCodePromotionStatusStep(
        transform({ code }, ({ code }) => ({ promotion_id: code.promotion_id ?? null, status: "disabled" as const }))
      )
      return true
    })

    const revoked = revokeCustomerHeldRewardsStep(input)
    when("erase-revoked-rewards", { revoked }, ({ revoked }) => revoked.length > 0).then(() => {
      emitEventStep({
        eventName: ReferralEvents.REWARD_REVOKED,
        data: transform({ revoked }, ({ revoked }) => revoked.map((id) => ({ id }))),
      })
    })

    const rejected = rejectErasedReferrerReviewsStep(input)
    when("erase-rejected-reviews", { rejected }, ({ rejected }) => rejected.length > 0).then(() => {
      emitEventStep({
        eventName: ReferralEvents.REJECTED,
        data: transform({ rejected }, ({ rejected }) => rejected.map((id) => ({ id }))),
      }).config({ name: "emit-erased-reviews-rejected" })
    })

    // Revoked rewards and rejected referrals settle the prompts behind them.
    settlePromptBanditValuesStep(
      transform({ revoked, rejected }, ({ revoked, rejected }) => ({ reward_ids: revoked, referral_ids: rejected }))
    )

    const anonymised = anonymiseCustomerReferralDataStep(
      transform({ subject }, ({ subject }) => ({
        customer_id: subject.customer_id,
        emails: subject.emails,
        cart_ids: subject.cart_ids,
      }))
    )

    const result = transform(
      { input, codeDisabled, revoked, rejected, anonymised },
      ({ input, codeDisabled, revoked, rejected, anonymised }) => ({
        customer_id: input.customer_id,
        code_disabled: codeDisabled === true,
        rewards_revoked: revoked.length,
        reviews_rejected: rejected.length,
        anonymised,
      })
    )
    const customerErased = createHook("customerErased", { customer_id: input.customer_id, result })
    return new WorkflowResponse(result, { hooks: [customerErased] })
  }
)

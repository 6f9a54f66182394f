import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildReferralNotificationsStep } from "../steps/build-referral-notifications"
import { listExpiringSharedPromptsStep } from "../steps/list-expiring-shared-prompts"
import { sendReferralNotificationsStep } from "../steps/send-referral-notifications"

export const sendOfferExpiryRemindersWorkflowId = "send-offer-expiry-reminders"

/** Daily, when switched on: reminds referrers whose shared offer ends soon. Once per prompt. */
export const sendOfferExpiryRemindersWorkflow = createWorkflow(
  sendOfferExpiryRemindersWorkflowId,
  (input: { now?: Date | string }) => {
    const ids = listExpiringSharedPromptsStep(input)
    const built = buildReferralNotificationsStep(transform({ ids }, ({ ids }) => ({ kind: "offer_expiring" as const, ids })))
    return new WorkflowResponse(sendReferralNotificationsStep(built))
  }
)

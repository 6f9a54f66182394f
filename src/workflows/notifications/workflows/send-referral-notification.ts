import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralNotificationKind } from "../../../types/notifications"
import { buildReferralNotificationsStep } from "../steps/build-referral-notifications"
import { sendReferralNotificationsStep } from "../steps/send-referral-notifications"

export const sendReferralNotificationWorkflowId = "send-referral-notification"

/**
 * One referral notification for one record: the ask for a prompt, "a friend
 * joined" for a referral, the reward issued or revoked for a reward. Answers
 * what was sent and what was skipped, with why.
 */
export const sendReferralNotificationWorkflow = createWorkflow(
  sendReferralNotificationWorkflowId,
  (input: { kind: ReferralNotificationKind; id: string }) => {
    const built = buildReferralNotificationsStep(transform({ input }, ({ input }) => ({ kind: input.kind, ids: [input.id] })))
    return new WorkflowResponse(sendReferralNotificationsStep(built))
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralNotificationKind } from "../../../types/notifications"
import { buildReferralNotification, type BuiltNotification } from "../utils/referral-notification"

export const buildReferralNotificationsStepId = "build-referral-notifications"

export type BuildReferralNotificationsStepInput = { kind: ReferralNotificationKind; ids: string[] }

/** Reads what each notification says and to whom, or why it does not go out (consent, channel, state). Writes nothing. */
export const buildReferralNotificationsStep = createStep(
  buildReferralNotificationsStepId,
  async (input: BuildReferralNotificationsStepInput, { container }) => {
    const built: BuiltNotification[] = []
    for (const id of input.ids) {
      built.push(await buildReferralNotification(container, input.kind, id))
    }
    return new StepResponse(built)
  }
)

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ReferralNotificationKind } from "../types/notifications"
import { ReferralEvents } from "../utils/events"
import { sendReferralNotificationWorkflow } from "../workflows"

/**
 * The plugin's events that a shopper hears of: a prompt made at a moment away
 * from the storefront (the ask), a friend converting (to the referrer, with the
 * release date), a reward paid, a reward taken back.
 */
const KIND_BY_EVENT: Record<string, ReferralNotificationKind> = {
  [ReferralEvents.PROMPT_CREATED]: "ask",
  [ReferralEvents.CONVERTED]: "friend_joined",
  [ReferralEvents.REWARD_ISSUED]: "reward_issued",
  [ReferralEvents.REWARD_REVOKED]: "reward_revoked",
}

export default async function referralEventsNotify({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendReferralNotificationWorkflow(container).run({ input: { kind: KIND_BY_EVENT[event.name], id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "smart-referrals-notify" },
}

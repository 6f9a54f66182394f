import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReferralEvents } from "../utils/events"
import { syncCodePromotionsWorkflow } from "../workflows"

/**
 * Brings every code's promotions in line with the program switch, on the
 * worker. It syncs to the switch in force, not to the event's, so redelivered
 * or out-of-order events end in the same state; a failure goes up so the
 * event is redelivered and the sync finished.
 */
export default async function programSwitchedCodePromotions({ container }: SubscriberArgs<{ id: string }>) {
  await syncCodePromotionsWorkflow(container).run()
}

export const config: SubscriberConfig = {
  event: ReferralEvents.PROGRAM_SWITCHED,
  context: { subscriberId: "smart-referrals-program-switched" },
}

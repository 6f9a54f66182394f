import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { attributeReferralOrderWorkflow } from "../workflows"

/** Converts the referral behind an order that redeemed a referral code. */
export default async function orderPlacedAttribution({ event, container }: SubscriberArgs<{ id: string }>) {
  await attributeReferralOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "smart-referrals-order-placed" },
}

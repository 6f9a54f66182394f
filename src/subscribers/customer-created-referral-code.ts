import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { ensureReferralCodeWorkflow } from "../workflows"

/** Every new customer gets a referral code at once, ready to share. */
export default async function customerCreatedReferralCode({ event, container }: SubscriberArgs<{ id: string }>) {
  await ensureReferralCodeWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.CREATED,
  context: { subscriberId: "smart-referrals-customer-created" },
}

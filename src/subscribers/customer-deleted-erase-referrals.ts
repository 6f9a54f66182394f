import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { eraseReferralCustomerWorkflow } from "../workflows"

/** A deleted customer is erased from the referral program too (safe to redeliver: a second run changes nothing). */
export default async function customerDeletedEraseReferrals({ event, container }: SubscriberArgs<{ id: string }>) {
  await eraseReferralCustomerWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "smart-referrals-customer-deleted" },
}

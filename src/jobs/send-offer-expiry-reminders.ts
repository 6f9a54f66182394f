import type { MedusaContainer } from "@medusajs/framework/types"
import { sendOfferExpiryRemindersWorkflow } from "../workflows"

/** Daily: a reminder to referrers whose shared offer ends soon (off unless `notifications.send.offer_expiring`). */
export default async function sendOfferExpiryRemindersJob(container: MedusaContainer) {
  await sendOfferExpiryRemindersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "smart-referrals-offer-expiry-reminders",
  schedule: "0 10 * * *",
}

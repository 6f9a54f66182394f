import { model } from "@medusajs/framework/utils"
import { MESSAGE_SOURCES } from "../../../types/referral/constants"

/**
 * A share message written for a prompt, per channel and recipient context:
 * the cache behind `POST /store/referrals/me/message` (one row per key), and
 * the record of which source wrote it (llm or template, and why a fallback
 * happened) so experiments can compare the two.
 */
const ReferralMessage = model
  .define(
    { tableName: "referral_message", name: "ReferralMessage" },
    {
      id: model.id({ prefix: "refmsg" }).primaryKey(),
      prompt_id: model.text(),
      customer_id: model.text(),
      channel: model.text(),
      recipient_key: model.text(),
      message: model.text(),
      subject: model.text().nullable(),
      source: model.enum([...MESSAGE_SOURCES]),
      fallback_reason: model.text().nullable(),
      prompt_version: model.text(),
      latency_ms: model.number(),
      attempts: model.number(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_message_key_unique",
      on: ["prompt_id", "channel", "recipient_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_referral_message_customer_created", on: ["customer_id", "created_at"] },
  ])

export default ReferralMessage

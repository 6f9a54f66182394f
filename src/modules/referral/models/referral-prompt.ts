import { model } from "@medusajs/framework/utils"
import { MESSAGE_SOURCES, PROMPT_STATUSES } from "../../../types/referral/constants"

/**
 * The offer put to one customer at a viral moment, with the message to share
 * it. Also the bandit's decision log: the context, the arm, what was sampled
 * and the probability the arm had of being chosen, for offline evaluation.
 * `open` until a friend converts or it expires. The bandit learns from it
 * when its value is final (the referrer's reward issued after the hold,
 * revoked or rejected; or expired): `bandit_value` is the success weight it
 * contributed, so a re-settlement applies only the difference, once.
 */
const ReferralPrompt = model
  .define(
    { tableName: "referral_prompt", name: "ReferralPrompt" },
    {
      id: model.id({ prefix: "refpr" }).primaryKey(),
      customer_id: model.text(),
      referral_code_id: model.text(),
      moment_id: model.text().nullable(),
      arm_id: model.text(),
      context_key: model.text(),
      context: model.json(),
      propensity: model.float().nullable(),
      message: model.text(),
      message_source: model.enum([...MESSAGE_SOURCES]).default("template"),
      message_fallback_reason: model.text().nullable(),
      variant: model.text().nullable(),
      status: model.enum([...PROMPT_STATUSES]).default("open"),
      expires_at: model.dateTime(),
      outcome_at: model.dateTime().nullable(),
      referral_id: model.text().nullable(),
      sampled: model.json().nullable(),
      probability: model.float().nullable(),
      /** The success weight in [0, 1] counted into `bandit_state`; null while nothing is counted. */
      bandit_value: model.float().nullable(),
      /** Asked at a moment a self-reported signal helped make: not counted against the store's daily cap. */
      self_reported: model.boolean().default(false),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_referral_prompt_customer_status", on: ["customer_id", "status"] },
    { name: "IDX_referral_prompt_status_expires", on: ["status", "expires_at"] },
    { name: "IDX_referral_prompt_created", on: ["created_at"] },
    { name: "IDX_referral_prompt_referral_id", on: ["referral_id"], where: "referral_id IS NOT NULL AND deleted_at IS NULL" },
  ])

export default ReferralPrompt

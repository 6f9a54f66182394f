import type { z } from "@medusajs/framework/zod"
import type { AdminEraseReferralCustomer } from "../../api/admin/referrals/customers/validators"
import type {
  CustomerNetworkDTO,
  ReferralAssignmentDTO,
  ReferralCodeDTO,
  ReferralDTO,
  ReferralMessageDTO,
  ReferralPromptDTO,
  ReferralRewardDTO,
  ReferralTouchDTO,
  ViralMomentDTO,
} from "../referral"
import type { AnonymisedRows } from "../referral/privacy"

/** POST /admin/referrals/customers/:id/erase */
export type AdminEraseReferralCustomerPayload = z.input<typeof AdminEraseReferralCustomer>
export type ReferralCustomerErasure = {
  customer_id: string
  /** Whether this run switched their code (and its promotion) off; false when it was already off or absent. */
  code_disabled: boolean
  /** Held rewards this run revoked. */
  rewards_revoked: number
  /** Their referrals waiting for review that this run rejected (`customer_erased`). */
  reviews_rejected: number
  /** Rows this run anonymised; all zero on a second run. */
  anonymised: AnonymisedRows
}
export type AdminEraseReferralCustomerResponse = { erasure: ReferralCustomerErasure }

/** Fields of the customer's own referrals as a referrer: nothing of the friend (their email, address, device). */
export const EXPORT_REFERRER_REFERRAL_FIELDS = ["id", "code", "status", "reason", "source", "created_at", "converted_at"] as const
/** Fields of referrals where the customer is the friend: what was recorded about them. */
export const EXPORT_REFEREE_REFERRAL_FIELDS = [
  "id", "code", "status", "reason", "referee_email", "ip_address", "visitor_id", "source", "order_id", "order_total",
  "currency_code", "created_at", "converted_at",
] as const

/** GET /admin/referrals/customers/:id/export: everything the plugin holds about one customer, for an access request. */
export type AdminReferralCustomerExportResponse = {
  export: {
    customer_id: string
    exported_at: string
    referral_codes: Pick<ReferralCodeDTO, "id" | "code" | "status" | "uses" | "arm_id" | "promotion_id" | "created_at">[]
    referrals_as_referrer: Pick<ReferralDTO, (typeof EXPORT_REFERRER_REFERRAL_FIELDS)[number]>[]
    referrals_as_referee: Pick<ReferralDTO, (typeof EXPORT_REFEREE_REFERRAL_FIELDS)[number]>[]
    rewards: Pick<
      ReferralRewardDTO,
      "id" | "role" | "kind" | "amount" | "currency_code" | "status" | "release_at" | "issued_at" | "revoked_at" | "note" | "created_at"
    >[]
    prompts: Pick<
      ReferralPromptDTO,
      "id" | "arm_id" | "context_key" | "propensity" | "message" | "message_source" | "status" | "expires_at" | "created_at"
    >[]
    messages: Pick<ReferralMessageDTO, "id" | "prompt_id" | "channel" | "message" | "subject" | "source" | "created_at">[]
    touches: Pick<ReferralTouchDTO, "id" | "type" | "code" | "channel" | "visitor_id" | "created_at">[]
    moments: Pick<ViralMomentDTO, "id" | "trigger" | "trigger_id" | "signals" | "score" | "decision" | "reason" | "created_at">[]
    assignments: Pick<ReferralAssignmentDTO, "experiment_id" | "variant_key" | "created_at">[]
    network: Pick<CustomerNetworkDTO, "out_degree" | "descendants" | "generations" | "depth" | "pagerank" | "super_connector" | "computed_at"> | null
  }
}

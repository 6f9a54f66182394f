import type { z } from "@medusajs/framework/zod"
import type { StoreRecordReferralClick } from "../../api/store/referrals/clicks/validators"
import type {
  StoreRecordPromptShare,
  StoreWriteShareMessage,
} from "../../api/store/referrals/me/validators"
import type { StoreRecordReferralSignal } from "../../api/store/referrals/signals/validators"
import type { StoreLookupReferrer } from "../../api/store/referrals/lookup/validators"
import type { Money } from "../../utils/money"
import type { ReferralCodeDTO, ReferralMessageDTO, ReferralPromptDTO, ReferralRewardDTO, ViralMomentDTO } from "../referral"
import type { OfferResponse } from "./offers"

/** GET /store/referrals/me: the signed-in shopper's code and link, offer, live prompt, stats and rewards. */
export type StoreMyReferralsResponse = {
  referral_code: Pick<ReferralCodeDTO, "code" | "status"> & { share_url: string; offer: OfferResponse }
  stats: { pending: number; converted: number; rewarded: number; rewards_earned: Money[]; rewards_held: Money[] }
  rewards: (Pick<
    ReferralRewardDTO,
    "id" | "kind" | "amount" | "currency_code" | "status" | "release_at" | "issued_at"
  > & {
    /** The promotion code a reward was issued as, when it was. */
    code: unknown
    /** A percentage reward code: `amount` is a percentage, not money, and is left out of the stats' sums. */
    percentage: boolean
  })[]
  prompt:
    | (Pick<ReferralPromptDTO, "id" | "message" | "message_source" | "expires_at"> & { offer: OfferResponse })
    | null
}

/** POST /store/referrals/me/message */
export type StoreWriteShareMessagePayload = z.input<typeof StoreWriteShareMessage>
export type StoreShareMessage = Pick<ReferralMessageDTO, "message" | "subject" | "source" | "fallback_reason" | "channel"> & {
  prompt_id: string
  /** Whether the message was written earlier for the same prompt, channel and recipient. */
  cached: boolean
}
export type StoreShareMessageResponse = { message: StoreShareMessage }

/** POST /store/referrals/me/prompt/:id/shown and /shared */
export type StoreRecordPromptSharePayload = z.input<typeof StoreRecordPromptShare>
export type StoreRecordPromptTouchResponse = { recorded: true }

/** POST /store/referrals/signals */
export type StoreRecordReferralSignalPayload = z.input<typeof StoreRecordReferralSignal>
export type StoreReferralSignalResponse = {
  moment: Pick<ViralMomentDTO, "id" | "decision" | "reason" | "score">
  prompt_id: string | null
}

/** POST /store/referrals/clicks (public) */
export type StoreRecordReferralClickPayload = z.input<typeof StoreRecordReferralClick>
export type StoreReferralClickResponse = { referral_code: Pick<ReferralCodeDTO, "code"> & { offer: OfferResponse } }

/** GET /store/referrals/codes/:code (public): of the referrer, only the first name. */
export type StoreReferralCodeResponse = {
  referral_code: Pick<ReferralCodeDTO, "code"> & { referrer_first_name: string | null; offer: OfferResponse }
}

/** POST /store/referrals/lookup (public): "who referred you?" by the referrer's email. */
export type StoreReferrerLookupPayload = z.input<typeof StoreLookupReferrer>
/** Of the referrer, only the first name (to confirm) and the code (to apply); a miss is one generic 404. */
export type StoreReferrerLookupResponse = { referrer: { first_name: string | null; code: string } }

import type { z } from "@medusajs/framework/zod"
import type { AdminGetMomentsParams } from "../../api/admin/referrals/moments/validators"
import type { AdminRecordReferralSignal } from "../../api/admin/referrals/signals/validators"
import type { MomentTiming, ViralMomentDTO } from "../referral"
import type { PaginatedResponse } from "./common"

/** One evaluation of whether to ask the customer to refer, and why they were or were not asked. */
export type AdminViralMoment = Pick<
  ViralMomentDTO,
  | "id"
  | "customer_id"
  | "trigger"
  | "trigger_id"
  | "signals"
  | "score"
  | "propensity"
  | "propensity_band"
  | "decision"
  | "reason"
  | "prompt_id"
  | "variant"
  | "created_at"
> & {
  /** `timing`: learned timing's decision at this moment (ask now or wait, and what it drew). */
  metadata: { timing?: MomentTiming } | null
}

/** GET /admin/referrals/moments */
export type AdminViralMomentListParams = Partial<z.input<typeof AdminGetMomentsParams>>
export type AdminViralMomentListResponse = PaginatedResponse<{ moments: AdminViralMoment[] }>

/** POST /admin/referrals/signals: a review or NPS answer the store recorded, by its id there. */
export type AdminRecordReferralSignalPayload = z.input<typeof AdminRecordReferralSignal>
/** The evaluation; on a replayed `source_id`, the first one, with no new prompt. */
export type AdminReferralSignalResponse = {
  moment: Pick<ViralMomentDTO, "id" | "decision" | "reason" | "score">
  prompt_id: string | null
}

/** What learned timing knows of one kind of moment in one context. */
export type MomentTimingValue = {
  moment: string
  /** Asks counted (open ones by the share of their window passed). */
  asks: number
  /** Posterior mean of an ask's realised value (the bandit's success share, 0–1). */
  mean: number
  /** 90% credible interval of that value. */
  interval: [number, number]
}

/** GET /admin/referrals/moments/timing: what learned timing has learned, per context, and how often later moments come. */
export type AdminMomentTimingResponse = {
  /** Asks needed at a moment, in a context, before waiting for it is considered. */
  min_evidence: number
  cycle_days: number
  lookback_days: number
  contexts: {
    context: string
    propensity_band: string
    customer: "first" | "returning"
    moments: MomentTimingValue[]
  }[]
  /** Of customers at `from` at least a cycle ago, how many reached `to` within the cycle. */
  reach: { from: string; to: string; reached: number; of: number }[]
}

import type { z } from "@medusajs/framework/zod"
import type { AdminCreateExperiment } from "../../api/admin/referrals/experiments/validators"
import type { ProportionComparison } from "../../ml/stats/proportions"
import type { Money } from "../../utils/money"
import type { ReferralExperimentDTO, ReferralVariantDTO } from "../referral"

/** A variant as routes answer it (without its back-reference to the experiment). */
export type AdminReferralVariant = Omit<ReferralVariantDTO, "experiment">
export type AdminReferralExperiment = Omit<ReferralExperimentDTO, "variants"> & { variants: AdminReferralVariant[] }

/** GET /admin/referrals/experiments: newest first, with their variants. */
export type AdminReferralExperimentListResponse = { experiments: AdminReferralExperiment[]; count: number }

/** POST /admin/referrals/experiments, POST /admin/referrals/experiments/:id/stop */
export type AdminCreateReferralExperimentPayload = z.input<typeof AdminCreateExperiment>
export type AdminReferralExperimentResponse = { experiment: AdminReferralExperiment }

/** One variant's funnel, K, value and comparison with the control. */
export type ExperimentVariantResult = Pick<ReferralVariantDTO, "key" | "kind" | "arm_id"> & {
  customers: number
  asked: number
  referrers: number
  conversions: number
  referral_rate: number | null
  k: number | null
  revenue: Money[]
  incentive_cost: Money[]
  net_value: Money[]
  probability_best: number
  /** Difference in referral rate against the control, with its 95% interval and two-proportion test. */
  vs_control: ProportionComparison | null
}

export type ExperimentResults = {
  experiment: Pick<
    ReferralExperimentDTO,
    "id" | "name" | "dimension" | "status" | "control_key" | "started_at" | "stopped_at"
  >
  variants: ExperimentVariantResult[]
}

/** GET /admin/referrals/experiments/:id/results */
export type AdminExperimentResultsResponse = { results: ExperimentResults }

import type { z } from "@medusajs/framework/zod"
import type { AdminGetReferralTreeParams } from "../../api/admin/referrals/customers/validators"
import type { PropensityBand } from "../../ml/propensity/bands"
import type { FeatureContribution } from "../../ml/propensity/propensity-scorer"
import type { ReferralTreeNode } from "../../ml/graph/referral-tree"
import type { CustomerNetworkDTO, ReferralCodeDTO, ReferralPromptDTO, ViralMomentDTO } from "../referral"
import type { OfferResponse } from "./offers"
import type { AdminReferral, AdminReferralReward } from "./referrals"

/** An offer put to the customer at a viral moment, with the arm that made it; `open` with a future `expires_at` is the live one. */
export type AdminCustomerPrompt = Pick<
  ReferralPromptDTO,
  | "id"
  | "arm_id"
  | "context_key"
  | "propensity"
  | "probability"
  | "status"
  | "message"
  | "message_source"
  | "message_fallback_reason"
  | "expires_at"
  | "created_at"
> & { arm: { id: string; name: string; offer: OfferResponse } | null }

/** The customer's place in the referral network as last computed. */
export type AdminCustomerNetwork = Pick<
  CustomerNetworkDTO,
  "out_degree" | "descendants" | "generations" | "depth" | "pagerank" | "super_connector" | "computed_at"
>

/** GET /admin/referrals/customers/:id: one customer's referral picture for the admin widget. */
export type AdminCustomerReferralsResponse = {
  referral_code:
    | (Pick<ReferralCodeDTO, "id" | "code" | "status" | "uses" | "arm_id" | "promotion_id" | "created_at"> & {
        share_url: string
      })
    | null
  referrals: AdminReferral[]
  rewards: AdminReferralReward[]
  prompts: AdminCustomerPrompt[]
  moments: Pick<
    ViralMomentDTO,
    "id" | "trigger" | "signals" | "score" | "propensity_band" | "decision" | "reason" | "created_at"
  >[]
  /** Null before the first computation of the network. */
  network: AdminCustomerNetwork | null
}

/** A customer's propensity to refer, with the features that drive it most. */
export type CustomerPropensity = {
  customer_id: string
  score: number
  /** Relative to the store: "low" is below the share asked (`propensity_ask_share`), "high" the top `propensity_high_share`. */
  band: PropensityBand
  /** A "low" customer in the exploration share, asked anyway so the model keeps learning from the low band. */
  explore: boolean
  /** 0 when no model was trained yet (the cold-start heuristic scores). */
  model_version: number
  model_kind: "gradient_boosting" | "heuristic"
  top_features: FeatureContribution[]
}

/** GET /admin/referrals/customers/:id/propensity */
export type AdminCustomerPropensityResponse = { propensity: CustomerPropensity }

/** GET /admin/referrals/customers/:id/tree */
export type AdminReferralTreeParams = z.input<typeof AdminGetReferralTreeParams>
export type AdminReferralTreeResponse = { tree: ReferralTreeNode }
export type { ReferralTreeNode }

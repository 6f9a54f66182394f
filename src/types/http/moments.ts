import type { z } from "@medusajs/framework/zod"
import type { AdminGetMomentsParams } from "../../api/admin/referrals/moments/validators"
import type { ViralMomentDTO } from "../referral"
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
>

/** GET /admin/referrals/moments */
export type AdminViralMomentListParams = Partial<z.input<typeof AdminGetMomentsParams>>
export type AdminViralMomentListResponse = PaginatedResponse<{ moments: AdminViralMoment[] }>

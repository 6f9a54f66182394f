import type { z } from "@medusajs/framework/zod"
import type { AdminCreateIncentiveArm, AdminUpdateIncentiveArm } from "../../api/admin/referrals/arms/validators"
import type { BanditStateDTO, IncentiveArmDTO } from "../referral"

/** An offer as GET /admin/referrals/arms answers it, with the bandit's record and value model. */
export type AdminIncentiveArm = IncentiveArmDTO & {
  /** Over all contexts. */
  stats: Pick<BanditStateDTO, "pulls" | "successes" | "failures">
  /** Beta posterior of the conversion rate: mean and 95% credible interval. */
  posterior: { alpha: number; beta: number; mean: number; ci95: [number, number] }
  value: { expected_cost: number; expected_net_value: number }
}

/** GET /admin/referrals/arms */
export type AdminIncentiveArmListResponse = {
  arms: AdminIncentiveArm[]
  count: number
  economics: { average_order_value: number; expected_margin_rate: number; expected_margin: number }
}

/** POST /admin/referrals/arms */
export type AdminCreateIncentiveArmPayload = z.input<typeof AdminCreateIncentiveArm>
/** POST /admin/referrals/arms/:id */
export type AdminUpdateIncentiveArmPayload = z.input<typeof AdminUpdateIncentiveArm>
export type AdminIncentiveArmResponse = { arm: IncentiveArmDTO }

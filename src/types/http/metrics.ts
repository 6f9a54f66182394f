import type { z } from "@medusajs/framework/zod"
import type { AdminGetLoopMetricsParams } from "../../api/admin/referrals/metrics/validators"
import type { LoopMetrics } from "../../analytics/loop-metrics"

export type {
  LoopEconomics,
  LoopFunnel,
  LoopMetrics,
  LoopMetricsGroup,
  LoopMetricsGroupBy,
  LoopRates,
} from "../../analytics/loop-metrics"

/** GET /admin/referrals/metrics: the compute-loop-metrics workflow's result. */
export type AdminLoopMetricsParams = z.input<typeof AdminGetLoopMetricsParams>
export type AdminLoopMetricsResponse = { metrics: LoopMetrics }

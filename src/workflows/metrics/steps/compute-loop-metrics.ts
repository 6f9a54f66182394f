import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loopMetrics, type LoopMetricsQuery } from "../../../analytics/loop-metrics"

export const computeLoopMetricsStepId = "compute-loop-metrics"

/** The loop's funnel, rates and economics for a window, in a few aggregate queries. Reads only. */
export const computeLoopMetricsStep = createStep(
  computeLoopMetricsStepId,
  async (input: LoopMetricsQuery, { container }) => {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    return new StepResponse(await loopMetrics(knex, input))
  }
)

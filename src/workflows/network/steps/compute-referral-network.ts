import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { analyseReferralNetwork } from "../../../ml/graph"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const computeReferralNetworkStepId = "compute-referral-network"

/**
 * Loads the referral graph, measures it (out-degree, descendants,
 * generations, depth, PageRank, super-connectors) and replaces the stored
 * network in one transaction. Load, compute and save share a step so a large
 * graph never passes through the workflow engine's stored state; a failure
 * rolls the replacement back, so nothing needs compensating.
 */
export const computeReferralNetworkStep = createStep(
  computeReferralNetworkStepId,
  async (_: void, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [settings, edges] = await Promise.all([referrals.retrieveProgramSettings(), referrals.listReferralEdges()])
    const started = Date.now()
    const network = analyseReferralNetwork(edges, {
      superConnectorPercentile: settings.super_connector_percentile,
      superConnectorMinReferrals: settings.super_connector_min_referrals,
    })
    const computedAt = new Date()
    await referrals.replaceCustomerNetwork(network.nodes, computedAt)
    return new StepResponse({
      customers: network.nodes.length,
      referrals: edges.length,
      super_connectors: network.nodes.filter((node) => node.super_connector).map((node) => node.customer_id),
      computed_at: computedAt,
      compute_ms: Date.now() - started,
    })
  }
)

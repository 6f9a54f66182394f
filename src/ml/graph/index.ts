/** The referral network: who brought whom, how far it spread, and who drives it. */
export { referralForest, type IgnoredReferralEdges, type ReferralEdge, type ReferralForest } from "./referral-forest"
export { buildReferralGraph, type ReferralGraph, type ReferralGraphAttributes } from "./referral-graph"
export {
  NETWORK_METRICS_DEFAULTS,
  analyseReferralNetwork,
  type NetworkMetricsOptions,
  type NetworkNode,
  type ReferralNetwork,
} from "./network-metrics"
export type { SecondGenerationReferral } from "./second-generation"
export { referralTree, type ReferralTreeNode } from "./referral-tree"

/** A seeded synthetic store that drives the real bandit and moment code, for tests and benchmarks. */
export { BanditMemory } from "./bandit-memory"
export {
  BANDIT_SCENARIOS,
  runBanditSimulation,
  type BanditDecisionLog,
  type BanditScenario,
  type BanditScenarioName,
  type BanditSimulationInput,
  type BanditSimulationResult,
  type TrueConversion,
} from "./bandit-sim"
export {
  LOOP_POLICIES,
  compareLoopPolicies,
  runLoopSimulation,
  type LoopPolicy,
  type LoopReport,
  type LoopSimulationInput,
} from "./loop-sim"
export {
  DEFAULT_ARMS,
  DEFAULT_PRICING,
  STATIC_ARM_ID,
  offerCost,
  type OfferArm,
  type OfferPricing,
  type RefereeReward,
  type ReferrerReward,
} from "./offers"
export { orderStream, type OrderEvent } from "./orders"
export { generateCustomers, lognormal, type SimCustomer } from "./population"
export {
  LOOP_SCENARIO_DEFAULTS,
  appeal,
  expectedAskValue,
  friendConversionProbability,
  momentLift,
  offerCostFor,
  perceivedRefereeValue,
  perceivedReferrerValue,
  resolveScenario,
  shareProbability,
  type CustomerTaste,
  type LoopScenario,
  type MomentTruth,
} from "./scenario"
export { generateCycleCustomers, type AskLuck, type CycleCustomer } from "./cycle-population"
export {
  FULL_LOOP_DEFAULTS,
  runCycleSimulation,
  type CyclePolicyReport,
  type CycleSimulationInput,
  type CycleSimulationResult,
  type FullLoopDetails,
  type FullLoopOptions,
} from "./cycle-sim"
export { askOutcome, expectedAskValueAt, reachProbability, type AskOutcome } from "./cycle-truth"
export { DelayedMemory } from "./delayed-memory"
export {
  CYCLE_MOMENTS,
  CYCLE_SCENARIO_DEFAULTS,
  cycleAsLoopScenario,
  resolveCycleScenario,
  type CycleMoment,
  type CycleScenario,
  type LaterMoment,
  type SegmentName,
  type SegmentTruth,
} from "./scenario"

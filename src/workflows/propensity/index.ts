export * from "./workflows/score-customer-propensity"
export * from "./workflows/train-propensity-model"
export { scorePropensity, type PropensityScore } from "./utils/score-propensity"

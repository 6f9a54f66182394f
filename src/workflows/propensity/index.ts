export * from "./steps"
export * from "./workflows"
export { scorePropensity, type PropensityScore } from "./utils/score-propensity"

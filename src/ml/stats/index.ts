export { assignVariant, type WeightedVariant } from "./assignment"
export { compareProportions, normalCdf, probabilityBest, type ProportionComparison } from "./proportions"

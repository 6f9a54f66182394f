export { assignVariant, fnv1a32, type WeightedVariant } from "./assignment"
export { compareProportions, normalCdf, probabilityBest, type ProportionComparison } from "./proportions"

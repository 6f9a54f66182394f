export * from "./list-incentive-arms"
export * from "./save-incentive-arm"
export * from "./evaluate-offer-policy"

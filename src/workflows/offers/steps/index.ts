export * from "./compute-incentive-arm-values"
export * from "./ensure-default-arm"
export * from "./save-incentive-arm"

export * from "./ensure-default-arm"
export * from "./save-incentive-arm"

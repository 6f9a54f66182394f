export * from "./save-incentive-arm"

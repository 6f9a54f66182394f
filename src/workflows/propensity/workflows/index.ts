export * from "./confirm-propensity-model"
export * from "./score-customer-propensity"
export * from "./train-propensity-model"

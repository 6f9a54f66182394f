export * from "./score-customer-propensity"
export * from "./train-propensity-model"

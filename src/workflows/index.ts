export * from "./messages"
export * from "./moments"
export * from "./propensity"
export * from "./referral"

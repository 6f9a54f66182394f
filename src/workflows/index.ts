export * from "./propensity"
export * from "./referral"

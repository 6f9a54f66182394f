export * from "./referral"

export * from "./modules"
export * from "./referral"

export * from "./modules"
export * from "./referral"
export * from "./notifications"
export * from "./http"

export * from "./referral"
export * from "./http"

export * from "./create-referral-code"
export * from "./generate-referral-code"
export * from "./resolve-active-referral-code"
export * from "./set-referral-code-status"

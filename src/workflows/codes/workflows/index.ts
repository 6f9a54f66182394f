export * from "./ensure-referral-code"
export * from "./set-referral-code-status"

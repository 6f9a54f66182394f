export * from "./evaluate-order-moment"
export * from "./evaluate-viral-moment"
export * from "./expire-referral-prompts"
export * from "./record-prompt-touch"

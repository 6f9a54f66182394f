export * from "./workflows/evaluate-order-moment"
export * from "./workflows/evaluate-viral-moment"
export * from "./workflows/expire-referral-prompts"
export * from "./workflows/record-prompt-touch"

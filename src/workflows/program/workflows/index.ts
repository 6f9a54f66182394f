export * from "./update-referral-program"
export * from "./sync-code-promotions"

export * from "./update-referral-program"

export * from "./check-and-record-referral-redemption"

export * from "./issue-referral-reward"
export * from "./release-referral-rewards"
export * from "./reverse-referral-order"
export * from "./reverse-refunded-referral"

/**
 * Every zod schema the routes validate with, one `validators.ts` per resource
 * beside its routes. Gathered here for the tests that fuzz them all
 * (a unit test checks that no resource's validators are missing).
 */
export * from "./admin/referrals/validators"
export * from "./admin/referrals/arms/validators"
export * from "./admin/referrals/codes/validators"
export * from "./admin/referrals/customers/validators"
export * from "./admin/referrals/experiments/validators"
export * from "./admin/referrals/metrics/validators"
export * from "./admin/referrals/model/validators"
export * from "./admin/referrals/moments/validators"
export * from "./admin/referrals/network/validators"
export * from "./admin/referrals/offers/evaluate/validators"
export * from "./admin/referrals/program/validators"
export * from "./admin/referrals/signals/validators"
export * from "./admin/referrals/rewards/validators"
export * from "./store/referrals/clicks/validators"
export * from "./store/referrals/lookup/validators"
export * from "./store/referrals/me/validators"
export * from "./store/referrals/signals/validators"
export * from "./store/referrals/unsubscribe/validators"

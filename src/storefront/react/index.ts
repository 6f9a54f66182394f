/**
 * Optional React components over the storefront kit,
 * `medusa-plugin-smart-referrals/storefront/react`. No styling framework:
 * each renders plain elements with `sr-*` class names and takes `className`.
 */
export { ReferralCard, type ReferralCardProps } from "./referral-card"
export { SharePanel, type SharePanelProps } from "./share-panel"
export { LandingBanner, type LandingBannerProps } from "./landing-banner"
export { WhoReferredYou, type WhoReferredYouProps } from "./who-referred-you"
export { useMyReferrals } from "./use-my-referrals"

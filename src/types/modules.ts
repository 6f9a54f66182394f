/** The plugin's module keys, for `container.resolve<IReferralModuleService>(REFERRAL_MODULE)`. A plain value the admin may import too. */
export const REFERRAL_MODULE = "referral"

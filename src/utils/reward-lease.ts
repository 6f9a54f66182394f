/**
 * How long a release run may hold a reward in `issuing` before another run
 * takes it over. Issuing one reward takes well under a second, so a claim
 * this old belongs to a run that crashed or lost its database connection.
 * Long enough that a slow run is never overtaken in practice; the hourly
 * release then pays such a reward on its next run.
 *
 * The plugin option `reward_lease_seconds` wins over the environment variable
 * `SMART_REFERRALS_REWARD_LEASE_SECONDS`, which wins over the default.
 */
export const REWARD_LEASE_DEFAULT_SECONDS = 600

export function resolveRewardLeaseMs(
  option: number | undefined,
  env: Record<string, string | undefined> = process.env
): number {
  const fromEnv = env.SMART_REFERRALS_REWARD_LEASE_SECONDS?.trim()
  const seconds = option ?? (fromEnv ? Number(fromEnv) : REWARD_LEASE_DEFAULT_SECONDS)
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 7 * 24 * 60 * 60) {
    throw new RangeError(`reward_lease_seconds must be an integer between 1 and 604800, got ${seconds}`)
  }
  return seconds * 1000
}

import { redactUrl } from "../utils/redact-url"

/**
 * How share messages reach a model. Every field is optional: plugin options
 * win over environment variables, which win over LLM_DEFAULTS.
 *
 * - apiKey: `SMART_REFERRALS_LLM_API_KEY`, else `OPENAI_API_KEY`.
 * - model: `SMART_REFERRALS_LLM_MODEL`, else "gpt-4o-mini".
 * - baseURL: `SMART_REFERRALS_LLM_BASE_URL`, else `OPENAI_BASE_URL`
 *   (e.g. "https://api.openai.com/v1" or any OpenAI-compatible server).
 * - temperature: 0.7, in [0, 2].
 * - timeoutMs: 8000, the budget for a whole generation, retry included, in [100, 120000].
 * - maxPerCustomerPerDay: `SMART_REFERRALS_LLM_MAX_PER_CUSTOMER_PER_DAY`, else 20 generations per
 *   customer per day, enforced by the caller; 0 allows none.
 *
 * The LLM is off when no key or base URL is set: a store opts in explicitly,
 * and messages then come from the templates.
 */
export type LlmOptions = {
  apiKey?: string
  model?: string
  baseURL?: string
  temperature?: number
  timeoutMs?: number
  maxPerCustomerPerDay?: number
}

export type ResolvedLlmOptions = {
  enabled: boolean
  apiKey: string | null
  model: string
  baseURL: string | null
  temperature: number
  timeoutMs: number
  maxPerCustomerPerDay: number
}

export const LLM_DEFAULTS = Object.freeze({
  model: "gpt-4o-mini",
  temperature: 0.7,
  timeoutMs: 8000,
  maxPerCustomerPerDay: 20,
})

type Env = Record<string, string | undefined>

/** An empty or blank value counts as unset, as in most .env files. */
const present = (...values: (string | undefined)[]): string | null => {
  for (const value of values) {
    if (value !== undefined && value.trim() !== "") {
      return value.trim()
    }
  }
  return null
}

function inRange(name: string, value: number, min: number, max: number, integer: boolean): number {
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}, got ${value}`)
  }
  return value
}

export function resolveLlmOptions(options: LlmOptions = {}, env: Env = process.env): ResolvedLlmOptions {
  const apiKey = present(options.apiKey, env.SMART_REFERRALS_LLM_API_KEY, env.OPENAI_API_KEY)
  const baseURL = present(options.baseURL, env.SMART_REFERRALS_LLM_BASE_URL, env.OPENAI_BASE_URL)
  const model = present(options.model, env.SMART_REFERRALS_LLM_MODEL) ?? LLM_DEFAULTS.model
  const envMaxPerDay = present(env.SMART_REFERRALS_LLM_MAX_PER_CUSTOMER_PER_DAY)

  if (baseURL !== null) {
    let protocol: string
    try {
      protocol = new URL(baseURL).protocol
    } catch {
      throw new RangeError(`baseURL must be an absolute http(s) URL, got "${redactUrl(baseURL)}"`)
    }
    if (protocol !== "http:" && protocol !== "https:") {
      throw new RangeError(`baseURL must be an absolute http(s) URL, got "${redactUrl(baseURL)}"`)
    }
  }

  return {
    enabled: apiKey !== null && baseURL !== null,
    apiKey,
    model,
    baseURL,
    temperature: inRange("temperature", options.temperature ?? LLM_DEFAULTS.temperature, 0, 2, false),
    timeoutMs: inRange("timeoutMs", options.timeoutMs ?? LLM_DEFAULTS.timeoutMs, 100, 120_000, true),
    maxPerCustomerPerDay: inRange(
      "maxPerCustomerPerDay",
      options.maxPerCustomerPerDay ?? (envMaxPerDay === null ? LLM_DEFAULTS.maxPerCustomerPerDay : Number(envMaxPerDay)),
      0,
      10_000,
      true
    ),
  }
}

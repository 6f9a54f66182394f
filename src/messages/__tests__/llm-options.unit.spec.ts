import { LLM_DEFAULTS, resolveLlmOptions } from "../llm-options"

describe("resolveLlmOptions", () => {
  it("is off when no key or base URL is set", () => {
    expect(resolveLlmOptions({}, {})).toEqual({
      enabled: false,
      apiKey: null,
      model: LLM_DEFAULTS.model,
      baseURL: null,
      temperature: 0.7,
      timeoutMs: 8000,
      maxPerCustomerPerDay: 20,
    })
    expect(resolveLlmOptions({}, { OPENAI_API_KEY: "sk-x" }).enabled).toBe(false)
    expect(resolveLlmOptions({}, { OPENAI_BASE_URL: "https://api.openai.com/v1" }).enabled).toBe(false)
    expect(resolveLlmOptions({ apiKey: "  " }, { OPENAI_BASE_URL: "https://api.openai.com/v1" }).enabled).toBe(false)
  })

  it("reads the plugin's variables before OpenAI's", () => {
    const resolved = resolveLlmOptions(
      {},
      {
        SMART_REFERRALS_LLM_API_KEY: "sr-key",
        OPENAI_API_KEY: "openai-key",
        SMART_REFERRALS_LLM_MODEL: "gpt-4.1-mini",
        SMART_REFERRALS_LLM_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_BASE_URL: "https://api.openai.com/v1",
      }
    )
    expect(resolved).toMatchObject({
      enabled: true,
      apiKey: "sr-key",
      model: "gpt-4.1-mini",
      baseURL: "http://127.0.0.1:11434/v1",
    })
  })

  it("falls back to OPENAI_API_KEY and OPENAI_BASE_URL, ignoring blank values", () => {
    const resolved = resolveLlmOptions(
      {},
      { SMART_REFERRALS_LLM_API_KEY: "", OPENAI_API_KEY: "openai-key", OPENAI_BASE_URL: "https://api.openai.com/v1" }
    )
    expect(resolved).toMatchObject({ enabled: true, apiKey: "openai-key", baseURL: "https://api.openai.com/v1" })
  })

  it("lets options win over the environment", () => {
    const resolved = resolveLlmOptions(
      { apiKey: "opt-key", model: "m", baseURL: "https://llm.example.com/v1", temperature: 0, timeoutMs: 3000, maxPerCustomerPerDay: 0 },
      { SMART_REFERRALS_LLM_API_KEY: "env-key", SMART_REFERRALS_LLM_MODEL: "env-model" }
    )
    expect(resolved).toEqual({
      enabled: true,
      apiKey: "opt-key",
      model: "m",
      baseURL: "https://llm.example.com/v1",
      temperature: 0,
      timeoutMs: 3000,
      maxPerCustomerPerDay: 0,
    })
  })

  it("reads the daily limit from the environment", () => {
    expect(resolveLlmOptions({}, { SMART_REFERRALS_LLM_MAX_PER_CUSTOMER_PER_DAY: "4" }).maxPerCustomerPerDay).toBe(4)
    expect(resolveLlmOptions({ maxPerCustomerPerDay: 7 }, { SMART_REFERRALS_LLM_MAX_PER_CUSTOMER_PER_DAY: "4" }).maxPerCustomerPerDay).toBe(7)
    expect(() => resolveLlmOptions({}, { SMART_REFERRALS_LLM_MAX_PER_CUSTOMER_PER_DAY: "lots" })).toThrow(RangeError)
  })

  it("rejects out-of-range values", () => {
    expect(() => resolveLlmOptions({ temperature: 2.5 }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ temperature: Number.NaN }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ timeoutMs: 0 }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ timeoutMs: 1.5e6 }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ maxPerCustomerPerDay: -1 }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ maxPerCustomerPerDay: 2.5 }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({ baseURL: "not a url" }, {})).toThrow(RangeError)
    expect(() => resolveLlmOptions({}, { OPENAI_BASE_URL: "ftp://example.com" })).toThrow(RangeError)
  })

  it("never prints the credentials of a rejected baseURL", () => {
    expect(() => resolveLlmOptions({ baseURL: "ftp://user:s3cret@llm.example.com/v1" }, {})).toThrow(
      'got "ftp://***@llm.example.com/v1"'
    )
  })

  it("reads process.env by default", () => {
    const saved = { ...process.env }
    try {
      delete process.env.SMART_REFERRALS_LLM_API_KEY
      delete process.env.SMART_REFERRALS_LLM_BASE_URL
      delete process.env.OPENAI_API_KEY
      delete process.env.OPENAI_BASE_URL
      expect(resolveLlmOptions().enabled).toBe(false)
    } finally {
      process.env = saved
    }
  })
})

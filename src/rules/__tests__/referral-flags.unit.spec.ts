import {
  disposableDomainOf,
  flagReferral,
  paymentFingerprints,
  type ReferralFlagFacts,
} from "../referral-flags"
import { describeReferralFlag, describeReferralFlags } from "../describe-referral-flag"

const home = { address_1: "5 Oak Lane", postal_code: "10001", country_code: "us" }

const base = (): ReferralFlagFacts => ({
  program: {
    flag_disposable_email: true,
    flag_ip_velocity: true,
    ip_velocity_max: 3,
    ip_velocity_window_hours: 24,
    flag_shared_fingerprint: true,
  },
  friend: { email: "ben@example.com", address: home, payment_fingerprints: ["fp_ben"] },
  ip: { hash: "a1a1a1a1a1a1a1a1", referrals: 3 },
  device: { hash: "d2d2d2d2d2d2d2d2", referrals: 1 },
  siblings: [
    {
      referral_id: "ref_cleo",
      order_id: "order_cleo",
      address: { address_1: "9 Elm Road", postal_code: "10002", country_code: "us" },
      payment_fingerprints: ["fp_cleo"],
    },
  ],
})

const flagsFor = (change: (facts: ReferralFlagFacts) => void) => {
  const facts = base()
  change(facts)
  return flagReferral(facts)
}

describe("referral fraud flags", () => {
  it("flags nothing for an ordinary friend (3 referrals from an address is the limit, not past it)", () => {
    expect(flagsFor(() => {})).toEqual([])
  })

  it("names the disposable domain, subdomains included", () => {
    const flags = flagsFor((f) => (f.friend.email = "ben@mailinator.com"))
    expect(flags).toEqual([{ rule: "disposable_email", refs: { domain: "mailinator.com" } }])
    expect(flags.map(describeReferralFlag)).toEqual(["The friend's email uses mailinator.com, a disposable email provider."])
    expect(disposableDomainOf("x@inbox.Mailinator.com.")).toBe("mailinator.com")
    expect(disposableDomainOf("x@gmail.com")).toBeNull()
    expect(disposableDomainOf("not-an-email")).toBeNull()
    expect(disposableDomainOf(null)).toBeNull()
  })

  it("counts referrals past the maximum per address and per device", () => {
    const flags = flagsFor((f) => {
      f.ip = { hash: "a1a1a1a1a1a1a1a1", referrals: 4 }
      f.device = { hash: "d2d2d2d2d2d2d2d2", referrals: 5 }
    })
    expect(flags).toEqual([
      { rule: "ip_velocity", refs: { hash: "a1a1a1a1a1a1a1a1", referrals: 4, window_hours: 24, max: 3 } },
      { rule: "device_velocity", refs: { hash: "d2d2d2d2d2d2d2d2", referrals: 5, window_hours: 24, max: 3 } },
    ])
    expect(flags.map(describeReferralFlag)).toEqual([
      "4 referrals from one public address (#a1a1a1a1a1a1a1a1) within 24 h (more than 3).",
      "5 referrals from one device (#d2d2d2d2d2d2d2d2) within 24 h (more than 3).",
    ])
  })

  it("finds a ring by shipping address or card, naming the other friend's order", () => {
    const flags = flagsFor((f) => {
      f.siblings[0].address = { address_1: "5 oak lane.", postal_code: "10001", country_code: "US" }
      f.siblings[0].payment_fingerprints = ["fp_other", "fp_ben"]
    })
    expect(flags).toEqual([
      { rule: "shared_address", refs: { referral_id: "ref_cleo", order_id: "order_cleo" } },
      { rule: "shared_payment", refs: { referral_id: "ref_cleo", order_id: "order_cleo" } },
    ])
    expect(flags.map(describeReferralFlag)).toEqual([
      "Ships to the same address as another friend of this referrer (referral ref_cleo, order order_cleo).",
      "Paid with the same card as another friend of this referrer (referral ref_cleo, order order_cleo).",
    ])
    // Nothing of the other friend but ids: no email, no address.
    expect(JSON.stringify(flags)).not.toMatch(/cleo@|Elm|Oak/i)
  })

  it("checks a rule only while its setting is on", () => {
    const everything = (f: ReferralFlagFacts) => {
      f.friend.email = "ben@yopmail.com"
      f.ip = { hash: "a1a1a1a1a1a1a1a1", referrals: 9 }
      f.siblings[0].address = home
    }
    expect(flagsFor(everything).map((flag) => flag.rule)).toEqual(["disposable_email", "ip_velocity", "shared_address"])
    expect(
      flagsFor((f) => {
        everything(f)
        f.program.flag_disposable_email = false
        f.program.flag_ip_velocity = false
        f.program.flag_shared_fingerprint = false
      })
    ).toEqual([])
  })

  it("keeps reading flags stored as sentences before flags stored references", () => {
    const legacy = { rule: "ip_velocity", message: "4 referrals from IP 203.0.113.7 within 24 h (more than 3)." }
    expect(describeReferralFlag(legacy)).toBe(legacy.message)
    expect(describeReferralFlags([legacy])).toEqual([legacy])
    expect(describeReferralFlags(null)).toBeNull()
  })

  it("reads card fingerprints where providers keep them, and nothing from the system provider", () => {
    expect(paymentFingerprints({})).toEqual([])
    expect(paymentFingerprints(null)).toEqual([])
    expect(paymentFingerprints({ payment_method: { card: { fingerprint: "fp_a" } } })).toEqual(["fp_a"])
    expect(
      paymentFingerprints({
        latest_charge: { payment_method_details: { card: { fingerprint: "fp_b" } } },
        charges: { data: [{ payment_method_details: { card: { fingerprint: "fp_c" } } }] },
        fingerprint: "fp_b",
      })
    ).toEqual(["fp_b", "fp_c"])
  })
})

import {
  disposableDomainOf,
  flagReferral,
  paymentFingerprints,
  type ReferralFlagFacts,
} from "../referral-flags"

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
  ip: { address: "203.0.113.7", referrals: 3 },
  device: { visitor_id: "visitor-1", referrals: 1 },
  siblings: [
    {
      email: "cleo@example.com",
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
    expect(flagsFor((f) => (f.friend.email = "ben@mailinator.com"))).toEqual([
      { rule: "disposable_email", message: "The friend's email uses mailinator.com, a disposable email provider." },
    ])
    expect(disposableDomainOf("x@inbox.Mailinator.com.")).toBe("mailinator.com")
    expect(disposableDomainOf("x@gmail.com")).toBeNull()
    expect(disposableDomainOf("not-an-email")).toBeNull()
    expect(disposableDomainOf(null)).toBeNull()
  })

  it("counts referrals past the maximum per address and per device", () => {
    expect(
      flagsFor((f) => {
        f.ip = { address: "203.0.113.7", referrals: 4 }
        f.device = { visitor_id: "visitor-1", referrals: 5 }
      })
    ).toEqual([
      { rule: "ip_velocity", message: "4 referrals from IP 203.0.113.7 within 24 h (more than 3)." },
      { rule: "device_velocity", message: "5 referrals from device visitor-1 within 24 h (more than 3)." },
    ])
  })

  it("finds a ring by shipping address or card, naming the other friend's order", () => {
    expect(
      flagsFor((f) => {
        f.siblings[0].address = { address_1: "5 oak lane.", postal_code: "10001", country_code: "US" }
        f.siblings[0].payment_fingerprints = ["fp_other", "fp_ben"]
      })
    ).toEqual([
      {
        rule: "shared_address",
        message: "Ships to the same address as cleo@example.com (order order_cleo), another friend of this referrer.",
      },
      {
        rule: "shared_payment",
        message: "Paid with the same card as cleo@example.com (order order_cleo), another friend of this referrer.",
      },
    ])
  })

  it("checks a rule only while its setting is on", () => {
    const everything = (f: ReferralFlagFacts) => {
      f.friend.email = "ben@yopmail.com"
      f.ip = { address: "203.0.113.7", referrals: 9 }
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

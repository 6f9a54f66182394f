import { refundRevokesReward } from "../refund-revokes-reward"

describe("refundRevokesReward", () => {
  // Items of 100, a referral discount of 10: the friend paid 90 for what was referred.
  const order = { items_total: 100, referral_discount: 10, min_net_share: 0.5 }

  it("revokes when refunds cover the referred items, though the shipping was kept", () => {
    expect(refundRevokesReward({ ...order, refunded: 90 })).toBe("revoke")
    expect(refundRevokesReward({ ...order, refunded: 90, min_net_share: 0 })).toBe("revoke")
  })

  it("revokes when less than the minimum share of the referred value is kept", () => {
    expect(refundRevokesReward({ ...order, refunded: 46 })).toBe("revoke")
    expect(refundRevokesReward({ ...order, refunded: "45.01" })).toBe("revoke")
  })

  it("keeps the reward for partial returns that leave the minimum share or more", () => {
    expect(refundRevokesReward({ ...order, refunded: 45 })).toBe("keep")
    expect(refundRevokesReward({ ...order, refunded: 30 })).toBe("keep")
    expect(refundRevokesReward({ ...order, refunded: 0 })).toBe("keep")
    expect(refundRevokesReward({ ...order, refunded: 89.99, min_net_share: 0 })).toBe("keep")
  })

  it("decides with decimal arithmetic, not floats", () => {
    // 0.1 + 0.2 style drift would put 0.3 of 0.6 just under half.
    expect(refundRevokesReward({ items_total: "0.7", referral_discount: "0.1", refunded: "0.3", min_net_share: 0.5 })).toBe("keep")
  })
})

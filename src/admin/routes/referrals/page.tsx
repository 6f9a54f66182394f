import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Share } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { ExperimentsTab } from "./components/experiments-tab"
import { ModelTab } from "./components/model-tab"
import { NetworkTab } from "./components/network-tab"
import { OffersTab } from "./components/offers-tab"
import { OverviewTab } from "./components/overview-tab"
import { ReferralsTab } from "./components/referrals-tab"
import { SettingsTab } from "./components/settings-tab"

const TABS = [
  { value: "overview", label: "Overview", Content: OverviewTab },
  { value: "referrals", label: "Referrals", Content: ReferralsTab },
  { value: "offers", label: "Offers", Content: OffersTab },
  { value: "model", label: "Model", Content: ModelTab },
  { value: "network", label: "Network", Content: NetworkTab },
  { value: "experiments", label: "Experiments", Content: ExperimentsTab },
  { value: "settings", label: "Settings", Content: SettingsTab },
] as const

type TabValue = (typeof TABS)[number]["value"]

const isTab = (value: string | null): value is TabValue => TABS.some((tab) => tab.value === value)

/** The referral program's home: one tab per concern, the open tab kept in `?tab=` so it can be linked to. */
const ReferralsPage = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get("tab")
  const tab: TabValue = isTab(requested) ? requested : "overview"
  const setTab = (value: string) => setSearchParams({ tab: value }, { replace: true })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading level="h1">Referrals</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How the referral loop grows the store, who it asks with which offer, and what it costs.
        </Text>
      </Container>
      <Tabs value={tab} onValueChange={setTab}>
        <Tabs.List className="mb-3">
          {TABS.map(({ value, label }) => (
            <Tabs.Trigger key={value} value={value} data-testid={`tab-${value}`}>
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Content }) => (
          <Tabs.Content key={value} value={value} data-testid={`tab-content-${value}`}>
            {/* Only the open tab mounts, so only its data is fetched. */}
            {tab === value && <Content />}
          </Tabs.Content>
        ))}
      </Tabs>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Referrals", icon: Share })

export default ReferralsPage

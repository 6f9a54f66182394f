import { Trash } from "@medusajs/icons"
import { Alert, Button, FocusModal, Heading, IconButton, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useIncentiveArms } from "../../../hooks/incentive-arms"
import { useCreateReferralExperiment, type CreateExperimentBody, type VariantKind } from "../../../hooks/referral-experiments"

type Dimension = CreateExperimentBody["dimension"]

const KINDS: Record<Dimension, { value: VariantKind; label: string }[]> = {
  policy: [
    { value: "bandit", label: "Bandit (learns the best offer)" },
    { value: "fixed_arm", label: "Fixed offer" },
    { value: "holdout", label: "Holdout (never asked)" },
  ],
  message: [
    { value: "llm", label: "LLM-written message" },
    { value: "template", label: "Template message" },
  ],
}

/** Sensible starting variants per dimension; the control is the first. */
const STARTERS: Record<Dimension, VariantDraft[]> = {
  policy: [
    { key: "holdout", kind: "holdout", arm_id: "", weight: "" },
    { key: "bandit", kind: "bandit", arm_id: "", weight: "" },
  ],
  message: [
    { key: "template", kind: "template", arm_id: "", weight: "" },
    { key: "llm", kind: "llm", arm_id: "", weight: "" },
  ],
}

type VariantDraft = { key: string; kind: VariantKind; arm_id: string; weight: string }

/** The form as typed, to the API's body: blanks left out so the API's defaults and checks apply. */
const toBody = (name: string, dimension: Dimension, controlKey: string, variants: VariantDraft[]): CreateExperimentBody => ({
  name,
  dimension,
  control_key: controlKey,
  variants: variants.map((variant) => ({
    key: variant.key.trim(),
    kind: variant.kind,
    ...(variant.kind === "fixed_arm" && variant.arm_id ? { arm_id: variant.arm_id } : {}),
    ...(variant.weight.trim() ? { weight: Number(variant.weight) } : {}),
  })),
})

const VariantRow = ({
  index,
  variant,
  dimension,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number
  variant: VariantDraft
  dimension: Dimension
  canRemove: boolean
  onChange: (change: Partial<VariantDraft>) => void
  onRemove: () => void
}) => {
  const arms = useIncentiveArms()
  return (
    <div className="grid grid-cols-[1fr_1.4fr_1.4fr_80px_auto] items-start gap-x-2" data-testid={`experiment-variant-${index}`}>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall">Key</Label>
        <Input
          size="small"
          value={variant.key}
          placeholder="e.g. bandit"
          onChange={(e) => onChange({ key: e.target.value })}
          data-testid={`experiment-variant-${index}-key`}
        />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall">Kind</Label>
        <Select size="small" value={variant.kind} onValueChange={(kind) => onChange({ kind: kind as VariantKind })}>
          <Select.Trigger data-testid={`experiment-variant-${index}-kind`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {KINDS[dimension].map((kind) => (
              <Select.Item key={kind.value} value={kind.value}>
                {kind.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall">Offer</Label>
        {variant.kind === "fixed_arm" ? (
          <Select size="small" value={variant.arm_id} onValueChange={(arm_id) => onChange({ arm_id })}>
            <Select.Trigger data-testid={`experiment-variant-${index}-arm`}>
              <Select.Value placeholder={arms.isLoading ? "Loading offers…" : "Choose an offer"} />
            </Select.Trigger>
            <Select.Content>
              {(arms.data?.arms ?? []).map((arm) => (
                <Select.Item key={arm.id} value={arm.id}>
                  {arm.name}
                  {arm.active ? "" : " (inactive)"}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        ) : (
          <Text size="small" className="py-1.5 text-ui-fg-muted">
            {dimension === "policy" ? "chosen by the policy" : "–"}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall">Weight</Label>
        <Input
          size="small"
          type="number"
          min={1}
          placeholder="1"
          value={variant.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
          data-testid={`experiment-variant-${index}-weight`}
        />
      </div>
      <IconButton
        size="small"
        variant="transparent"
        type="button"
        className="mt-6"
        disabled={!canRemove}
        onClick={onRemove}
        aria-label="Remove variant"
      >
        <Trash />
      </IconButton>
    </div>
  )
}

/** Start an experiment: name, dimension, 2–6 variants and which one is the control. The API checks the rest. */
export const CreateExperimentModal = () => {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [dimension, setDimension] = useState<Dimension>("policy")
  const [variants, setVariants] = useState<VariantDraft[]>(STARTERS.policy)
  const [controlKey, setControlKey] = useState(STARTERS.policy[0].key)
  const create = useCreateReferralExperiment()

  const reset = (next: Dimension = "policy") => {
    setDimension(next)
    setVariants(STARTERS[next])
    setControlKey(STARTERS[next][0].key)
    create.reset()
  }

  const changeVariant = (index: number, change: Partial<VariantDraft>) => {
    setVariants((current) => current.map((variant, i) => (i === index ? { ...variant, ...change } : variant)))
    // The control follows its variant's key as it is edited.
    if (change.key !== undefined && variants[index].key === controlKey) {
      setControlKey(change.key)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(toBody(name, dimension, controlKey, variants), {
      onSuccess: ({ experiment }) => {
        toast.success(`Experiment "${experiment.name}" started`)
        setOpen(false)
        setName("")
        reset()
      },
      onError: (error) => toast.error(error.message),
    })
  }

  const keys = variants.map((variant) => variant.key.trim()).filter(Boolean)

  return (
    <FocusModal
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          create.reset()
        }
      }}
    >
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="experiment-create">
          Create experiment
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header />
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-8">
            <div className="flex w-full max-w-[720px] flex-col gap-y-6">
              <FocusModal.Title asChild>
                <Heading>New experiment</Heading>
              </FocusModal.Title>
              <FocusModal.Description className="txt-small text-ui-fg-subtle">
                A policy experiment compares the bandit with a fixed offer or a holdout that is never asked (for
                incrementality); a message experiment compares LLM-written and template messages. Customers are
                assigned stickily; one experiment per dimension runs at a time.
              </FocusModal.Description>
              <div className="grid grid-cols-2 gap-4">
                <div className="flex flex-col gap-y-1">
                  <Label htmlFor="experiment-name">Name</Label>
                  <Input
                    id="experiment-name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    placeholder="Bandit vs holdout, Q3"
                    data-testid="experiment-name"
                  />
                </div>
                <div className="flex flex-col gap-y-1">
                  <Label>Dimension</Label>
                  <Select value={dimension} onValueChange={(value) => reset(value as Dimension)}>
                    <Select.Trigger data-testid="experiment-dimension">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="policy">Policy (who is asked, with which offer)</Select.Item>
                      <Select.Item value="message">Message (how they are asked)</Select.Item>
                    </Select.Content>
                  </Select>
                </div>
              </div>
              <div className="flex flex-col gap-y-3">
                <div className="flex items-center justify-between">
                  <Text weight="plus">Variants</Text>
                  <Button
                    size="small"
                    variant="transparent"
                    type="button"
                    disabled={variants.length >= 6}
                    onClick={() =>
                      setVariants((current) => [...current, { key: "", kind: KINDS[dimension][0].value, arm_id: "", weight: "" }])
                    }
                    data-testid="experiment-add-variant"
                  >
                    Add variant
                  </Button>
                </div>
                {variants.map((variant, index) => (
                  <VariantRow
                    key={index}
                    index={index}
                    variant={variant}
                    dimension={dimension}
                    canRemove={variants.length > 2}
                    onChange={(change) => changeVariant(index, change)}
                    onRemove={() => setVariants((current) => current.filter((_, i) => i !== index))}
                  />
                ))}
                <Text size="xsmall" className="text-ui-fg-muted">
                  Keys: 1–40 lower-case letters, digits, - or _. Weight is a variant's share of traffic relative to the
                  others (default 1).
                </Text>
              </div>
              <div className="flex flex-col gap-y-1">
                <Label>Control</Label>
                <Select value={keys.includes(controlKey) ? controlKey : undefined} onValueChange={setControlKey}>
                  <Select.Trigger data-testid="experiment-control">
                    <Select.Value placeholder="The variant the others are compared with" />
                  </Select.Trigger>
                  <Select.Content>
                    {[...new Set(keys)].map((key) => (
                      <Select.Item key={key} value={key}>
                        {key}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              {create.isError && (
                <Alert variant="error" data-testid="experiment-form-error">
                  {create.error.message}
                </Alert>
              )}
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={create.isPending} data-testid="experiment-submit">
                Start experiment
              </Button>
            </div>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}

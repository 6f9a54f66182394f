import { Button, Container, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { errorMessage, QueryState } from "../../../components/query-state"
import { type ReferralProgram, useReferralProgram, useUpdateReferralProgram } from "../../../hooks/referral-program"
import type { AdminUpdateReferralProgramPayload } from "../../../../types"
import { MOMENT_SIGNALS, SETTING_FIELDS as FIELDS, SETTING_GROUPS, type SettingField } from "./settings-tab-fields"

type FormValues = Record<string, string | boolean>
type Weights = Record<(typeof MOMENT_SIGNALS)[number], string>

const valuesOf = (program: ReferralProgram): FormValues =>
  Object.fromEntries(
    FIELDS.map((field) => {
      const value = program[field.name]
      return [field.name, field.kind === "boolean" ? !!value : String(value ?? "")]
    })
  )

const weightsOf = (program: ReferralProgram): Weights =>
  Object.fromEntries(MOMENT_SIGNALS.map((s) => [s, program.moment_weights?.[s] === undefined ? "" : String(program.moment_weights[s])])) as Weights

/** An empty number field is sent as null, so the API says what it needs rather than the form guessing. */
const toNumber = (value: string) => (value.trim() === "" ? null : Number(value))

/** Only the settings that changed: the API saves them as a new version over the rest. */
function changedSettings(program: ReferralProgram, values: FormValues, weights: Weights): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = values[field.name]
    const before = program[field.name]
    if (field.kind === "number") {
      if (String(value) !== String(before ?? "")) body[field.name] = toNumber(String(value))
    } else if (value !== before) {
      body[field.name] = value
    }
  }
  const set = MOMENT_SIGNALS.filter((s) => weights[s].trim() !== "")
  const nextWeights = set.length ? Object.fromEntries(set.map((s) => [s, toNumber(weights[s])])) : null
  if (JSON.stringify(nextWeights) !== JSON.stringify(program.moment_weights ?? null)) {
    body.moment_weights = nextWeights
  }
  return body
}

const SettingInput = ({
  field,
  value,
  invalid,
  onChange,
}: {
  field: SettingField
  value: string | boolean
  invalid: boolean
  onChange: (value: string | boolean) => void
}) => {
  const id = `setting-${field.name}`
  if (field.kind === "boolean") {
    return (
      <div className="flex items-start gap-x-3">
        <Switch id={id} data-testid={id} checked={value === true} onCheckedChange={onChange} aria-invalid={invalid} />
        <div className="flex flex-col">
          <Label size="small" weight="plus" htmlFor={id}>
            {field.label}
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {field.hint}
          </Text>
        </div>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus" htmlFor={id}>
        {field.label}
      </Label>
      {field.kind === "choice" ? (
        <Select value={String(value)} onValueChange={onChange}>
          <Select.Trigger id={id} data-testid={id} aria-invalid={invalid}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {field.options.map((option) => (
              <Select.Item key={option.value} value={option.value}>
                {option.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      ) : (
        // No min/max here: the browser would block the submit, and the API's message is the one to show.
        <Input
          id={id}
          data-testid={id}
          type="number"
          step={field.step ?? "1"}
          value={String(value)}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {field.hint}
      </Text>
    </div>
  )
}

const SettingsForm = ({ program }: { program: ReferralProgram }) => {
  const [values, setValues] = useState<FormValues>(() => valuesOf(program))
  const [weights, setWeights] = useState<Weights>(() => weightsOf(program))
  const [error, setError] = useState<string>()
  const update = useUpdateReferralProgram()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    const body = changedSettings(program, values, weights)
    if (!Object.keys(body).length) {
      toast.info("Nothing changed")
      return
    }
    try {
      // Sent as typed, even when invalid: the API's refusal names the field and is shown as it says it.
      const { program: saved } = await update.mutateAsync(body as AdminUpdateReferralProgramPayload)
      setValues(valuesOf(saved))
      setWeights(weightsOf(saved))
      toast.success(`Settings saved as version ${saved.version}`)
    } catch (e) {
      const message = errorMessage(e) ?? "The settings could not be saved"
      setError(message)
      toast.error(message)
    }
  }

  // The API names the field it refused; mark that input too.
  const invalid = (name: string) => !!error && error.includes(name)

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="settings-form">
      {SETTING_GROUPS.map((group) => (
        <Container key={group.title} className="flex flex-col gap-y-4 px-6 py-4">
          <Heading level="h2">{group.title}</Heading>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {group.fields.map((field) => (
              <SettingInput
                key={field.name}
                field={field}
                value={values[field.name]}
                invalid={invalid(field.name)}
                onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
              />
            ))}
          </div>
        </Container>
      ))}
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading level="h2">Moment weights</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How much each signal (0–1) adds to a viral moment's score. Leave empty to keep the documented default.
          </Text>
        </div>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
          {MOMENT_SIGNALS.map((signal) => (
            <div key={signal} className="flex flex-col gap-y-1">
              <Label size="small" htmlFor={`setting-moment_weights-${signal}`}>
                {signal.replace(/_/g, " ")}
              </Label>
              <Input
                id={`setting-moment_weights-${signal}`}
                data-testid={`setting-moment_weights-${signal}`}
                type="number"
                step="any"
                placeholder="default"
                value={weights[signal]}
                aria-invalid={invalid(signal)}
                onChange={(e) => setWeights((w) => ({ ...w, [signal]: e.target.value }))}
              />
            </div>
          ))}
        </div>
      </Container>
      <Container className="sticky bottom-0 flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div className="flex flex-col">
          <Text size="small" className="text-ui-fg-subtle" data-testid="settings-version" data-value={program.version}>
            {program.version === 0 ? "Defaults in force (version 0)" : `Version ${program.version}`}
          </Text>
          {error && (
            <Text size="small" className="text-ui-fg-error" data-testid="settings-error" role="alert">
              {error}
            </Text>
          )}
        </div>
        <Button type="submit" size="small" isLoading={update.isPending} data-testid="settings-submit">
          Save settings
        </Button>
      </Container>
    </form>
  )
}

/** The program's settings; each save is a new version, and the API's refusal is shown as it says it. */
export const SettingsTab = () => {
  const program = useReferralProgram()
  return (
    <div data-testid="settings-tab">
      <QueryState query={program} loading="Loading settings…" errorTitle="Settings could not be loaded">
        {(data) => <SettingsForm program={data} />}
      </QueryState>
    </div>
  )
}

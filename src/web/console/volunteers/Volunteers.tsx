// The volunteer registry (coordinators and admins): registration with consent and the code of
// conduct, assigned desa, training records, active or not, activity counts.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatNumber } from "../../lib/format";
import type { Me } from "../../lib/types";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { withinJurisdiction } from "../jurisdiction";
import { type Column, DataList, Pager } from "../ListTable";
import { useDesaOf, useKecamatanList } from "../outreach/desaOptions";
import { usePageTitle } from "../usePageTitle";
import type { VolunteerView } from "../villages/types";
import { PageHeader } from "../PageHeader";
import { FormErrorAlert } from "../FormErrorAlert";
import { FormActions } from "../FormActions";
import { DateField, TextField } from "../fields";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());

function DesaPicker({
  me,
  value,
  onChange,
  error,
}: {
  me: Me;
  value: { code: string; name: string }[];
  onChange: (next: { code: string; name: string }[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const kecamatanList = useKecamatanList(true, me.jurisdiction);
  const [kecamatan, setKecamatan] = useState<string>("");
  const desa = useDesaOf(kecamatan || null).filter((region) => withinJurisdiction(region.code, me.jurisdiction));
  const options = [
    ...value.map((d) => ({ value: d.code, label: d.name })),
    ...desa.filter((d) => !value.some((v) => v.code === d.code)).map((d) => ({ value: d.code, label: d.name })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={t("outreach.kecamatan")}
        description={t("volunteers.kecamatanHint")}
        data={[
          { value: "", label: t("outreach.form.choose") },
          ...kecamatanList.map((region) => ({ value: region.code, label: region.name })),
        ]}
        value={kecamatan}
        onChange={(e) => setKecamatan(e.currentTarget.value)}
      />
      <MultiSelect
        label={t("volunteers.desa")}
        data={options}
        value={value.map((d) => d.code)}
        onChange={(codes) => onChange(codes.map((code) => ({ code, name: options.find((o) => o.value === code)?.label ?? code })))}
        searchable
        required
        error={error}
      />
    </SimpleGrid>
  );
}

/** What a volunteer agrees to before registering, each with the date they signed it. */
const AGREEMENTS = [
  { check: "consent", date: "consentAt", label: "volunteers.consent", dateLabel: "volunteers.consentAt" },
  { check: "conduct", date: "codeOfConductAt", label: "volunteers.conduct", dateLabel: "volunteers.conductAt" },
] as const;

function Register({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [form, setForm] = useState({ name: "", phone: "", consent: false, conduct: false, consentAt: today(), codeOfConductAt: today() });
  const [desa, setDesa] = useState<{ code: string; name: string }[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((previous) => ({ ...previous, [key]: value }));
  const err = (name: string) => Object.entries(submission.fields).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.consent || !form.conduct) {
      setMissing(t("volunteers.consentRequired"));
      return;
    }
    setMissing(null);
    const ok = await submission.run(async () => {
      await api.post("/api/volunteers", {
        name: form.name.trim(),
        phone: form.phone.trim() || null,
        desaCodes: desa.map((d) => d.code),
        consentAt: form.consentAt,
        codeOfConductAt: form.codeOfConductAt,
      });
    });
    if (ok) onDone();
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} aria-label={t("volunteers.register")}>
        <Stack>
          <Title order={2} size="h4">
            {t("volunteers.register")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField label={t("volunteers.name")} value={form.name} onChange={set("name")} required error={err("name")} />
            <TextField type="tel" label={t("volunteers.phone")} value={form.phone} onChange={set("phone")} error={err("phone")} />
          </SimpleGrid>
          <DesaPicker me={me} value={desa} onChange={setDesa} error={err("desaCodes")} />
          {AGREEMENTS.map(({ check, date, label, dateLabel }) => (
            <Fragment key={check}>
              <Checkbox label={t(label)} checked={form[check]} onChange={(e) => set(check)(e.currentTarget.checked)} />
              <DateField label={t(dateLabel)} value={form[date]} onChange={set(date)} maw={240} error={err(date)} />
            </Fragment>
          ))}
          {(missing || submission.error) && (
            <Alert color="red" role="alert">
              {missing ?? submission.error}
            </Alert>
          )}
          <FormActions busy={submission.busy} onCancel={onDone} submitLabel={t("volunteers.save")} />
        </Stack>
      </form>
    </Paper>
  );
}

function Training({ volunteer, onDone }: { volunteer: VolunteerView; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [form, setForm] = useState({ title: "", provider: "", completedOn: today() });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(async () => {
      await api.post(`/api/volunteers/${volunteer.id}/trainings`, {
        title: form.title.trim(),
        provider: form.provider.trim() || null,
        completedOn: form.completedOn,
      });
    });
    if (ok) onDone();
  }
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t("volunteers.addTraining")}>
      <Group align="flex-end">
        <TextInput
          label={t("volunteers.trainingTitle")}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          required
          error={submission.fields.title}
        />
        <TextInput
          label={t("volunteers.trainingProvider")}
          value={form.provider}
          onChange={(e) => setForm({ ...form, provider: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t("volunteers.trainingDate")}
          value={form.completedOn}
          onChange={(e) => setForm({ ...form, completedOn: e.currentTarget.value })}
        />
        <Button type="submit" loading={submission.busy}>
          {t("common.save")}
        </Button>
      </Group>
      {submission.error && (
        <Text c="red" size="sm" role="alert">
          {submission.error}
        </Text>
      )}
    </form>
  );
}

/** Links the entry to a sign-in account with the volunteer role; the server offers only accounts the caller may link. */
function AccountLink({ volunteer, onChanged }: { volunteer: VolunteerView; onChanged: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const accounts = useResource<{ items: { id: string; username: string; displayName: string }[] }>("/api/volunteers/accounts");
  const [chosen, setChosen] = useState<string | null>(volunteer.account?.id ?? null);
  // The linked account is not offered by the server (it is linked); the list may still hold it from before saving.
  const others = (accounts.data?.items ?? []).filter((account) => account.id !== volunteer.account?.id);
  const options = [
    ...(volunteer.account ? [{ value: volunteer.account.id, label: volunteer.account.username }] : []),
    ...others.map((account) => ({ value: account.id, label: `${account.displayName} (${account.username})` })),
  ];
  const changed = chosen !== (volunteer.account?.id ?? null);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t("volunteers.accountLabel")}
          description={t("volunteers.accountHint")}
          placeholder={accounts.loading ? t("common.loading") : t("volunteers.noAccount")}
          data={options}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          nothingFoundMessage={t("volunteers.noAccounts")}
          error={submission.fields.userId}
          maw={420}
          w="100%"
        />
        {changed && (
          <Button
            size="sm"
            loading={submission.busy}
            onClick={() =>
              void submission.run(async () => {
                await api.patch(`/api/volunteers/${volunteer.id}`, { userId: chosen });
                accounts.reload();
                onChanged();
              })
            }
          >
            {t("volunteers.saveAccount")}
          </Button>
        )}
      </Group>
      {submission.error && !submission.fields.userId && (
        <Text c="red" size="sm" role="alert">
          {submission.error}
        </Text>
      )}
    </Stack>
  );
}

function VolunteerDetail({ me, volunteer, onChanged }: { me: Me; volunteer: VolunteerView; onChanged: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [desa, setDesa] = useState(volunteer.desa);
  const [addingTraining, setAddingTraining] = useState(false);
  const changed = desa.map((d) => d.code).join() !== volunteer.desa.map((d) => d.code).join();

  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack gap="sm">
        <Text size="sm">
          {t("volunteers.agreed", {
            consent: formatDate(volunteer.consentAt),
            conduct: formatDate(volunteer.codeOfConductAt),
            version: volunteer.codeOfConductVersion,
          })}
        </Text>
        <AccountLink volunteer={volunteer} onChanged={onChanged} />
        <DesaPicker me={me} value={desa} onChange={setDesa} error={submission.fields.desaCodes} />
        {changed && (
          <Group>
            <Button
              size="sm"
              loading={submission.busy}
              onClick={() =>
                void submission.run(async () => {
                  await api.patch(`/api/volunteers/${volunteer.id}`, { desaCodes: desa.map((d) => d.code) });
                  onChanged();
                })
              }
            >
              {t("volunteers.saveDesa")}
            </Button>
          </Group>
        )}
        <FormErrorAlert error={submission.error} />
        <Title order={3} size="h5">
          {t("volunteers.trainings")}
        </Title>
        {volunteer.trainings.length === 0 ? (
          <Text size="sm">{t("volunteers.noTrainings")}</Text>
        ) : (
          volunteer.trainings.map((training) => (
            <Text key={training.id} size="sm">
              {formatDate(training.completedOn)} · {training.title}
              {training.provider ? ` (${training.provider})` : ""}
            </Text>
          ))
        )}
        {addingTraining ? (
          <Training
            volunteer={volunteer}
            onDone={() => {
              setAddingTraining(false);
              onChanged();
            }}
          />
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => setAddingTraining(true)}>
              {t("volunteers.addTraining")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const PAGE = 50;

export function Volunteers({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("volunteers.title"));
  const [onlyActive, setOnlyActive] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useResource<{ items: VolunteerView[]; total: number }>(
    `/api/volunteers${query({ active: onlyActive ? "true" : undefined, limit: String(PAGE), offset: offset ? String(offset) : undefined })}`,
  );
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  async function setActive(volunteer: VolunteerView, active: boolean) {
    setToggleError(null);
    try {
      await api.patch(`/api/volunteers/${volunteer.id}`, { active });
      list.reload();
    } catch (caught) {
      setToggleError(errorMessage(caught));
    }
  }

  const columns: Column<VolunteerView>[] = [
    {
      header: t("volunteers.name"),
      title: true,
      cell: (volunteer) => (
        <>
          <Text fw={600} size="sm">
            {volunteer.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              volunteer.phone,
              volunteer.agency?.name,
              volunteer.account ? t("volunteers.account", { username: volunteer.account.username }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </>
      ),
    },
    { header: t("volunteers.desa"), cell: (volunteer) => volunteer.desa.map((d) => d.name).join(", ") },
    { header: t("volunteers.trainings"), cell: (volunteer) => formatNumber(volunteer.trainings.length) },
    {
      header: t("volunteers.activity"),
      cell: (volunteer) =>
        t("villages.outreachSummary", { sessions: volunteer.activity.sessions, people: formatNumber(volunteer.activity.peopleReached) }),
    },
    {
      header: t("volunteers.active"),
      cell: (volunteer) => (
        <Group gap="xs">
          <Switch
            aria-label={t("volunteers.activeFor", { name: volunteer.name })}
            checked={volunteer.active}
            onChange={(e) => void setActive(volunteer, e.currentTarget.checked)}
          />
          {!volunteer.active && (
            <Badge color="gray" size="sm">
              {t("common.inactive")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      header: t("common.actions"),
      cell: (volunteer) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpen(open === volunteer.id ? null : volunteer.id)}
          aria-expanded={open === volunteer.id}
        >
          {open === volunteer.id ? t("common.close") : t("volunteers.details")}
        </Button>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t("volunteers.title")} lead={t("volunteers.lead")} />
      <Group>
        {!registering && <Button onClick={() => setRegistering(true)}>{t("volunteers.register")}</Button>}
        <Switch
          label={t("volunteers.onlyActive")}
          checked={onlyActive}
          onChange={(e) => {
            setOffset(0);
            setOnlyActive(e.currentTarget.checked);
          }}
        />
      </Group>
      {registering && (
        <Register
          me={me}
          onDone={() => {
            setRegistering(false);
            list.reload();
          }}
        />
      )}
      {(list.error || toggleError) && (
        <Alert color="red" role="alert">
          {toggleError ?? errorMessage(list.error)}
        </Alert>
      )}
      <DataList
        list={list}
        items={items}
        columns={columns}
        rowKey={(volunteer) => volunteer.id}
        rowProps={() => ({ "data-testid": "volunteer-row" })}
        expanded={(volunteer) => (open === volunteer.id ? <VolunteerDetail me={me} volunteer={volunteer} onChanged={list.reload} /> : null)}
        minWidth={760}
        highlightOnHover={false}
        label={t("volunteers.title")}
        empty={t("volunteers.empty")}
      />
      <Pager total={list.data?.total ?? 0} offset={offset} pageSize={PAGE} onChange={setOffset} />
    </Stack>
  );
}

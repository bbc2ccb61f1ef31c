// Recording an outreach session from a phone: large touch targets, one column at 360 px, and no
// connection needed. The session gets its UUID here; offline (or when sending fails on the way)
// it is kept in the outbox and sent later with the same id, so the server stores it once. Photos chosen
// here are uploaded right after the session is accepted; a session kept offline is kept without them
// (they are added later from the session list), so the outbox never holds megabytes of photos.
// Given a `session`, the same form edits it (online only: edits are not queued).
import { Alert, Button, Checkbox, FileButton, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { AGE_BANDS, AUDIENCE_LABELS, AUDIENCES, OUTREACH_TOPICS, SEXES, type TopicGroup } from "../../../core/outreach-topics";
import { ApiError, api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { formatFileSize } from "../../lib/format";
import { type PreparedImage, prepareImage } from "../../lib/prepare-image";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../lib/reports";
import { Link, navigate } from "../../lib/router";
import type { Me } from "../../lib/types";
import { randomUuid } from "../../lib/uuid";
import { usePageTitle } from "../usePageTitle";
import { OUTREACH_PATH, type SessionCreate, type SessionView } from "../villages/types";
import { useDesaOf, useJurisdictionDesa, useKecamatanList } from "./desaOptions";
import { isTransient, outbox } from "./outbox";
import { sessionFormValues } from "./sessionValues";
import { PHOTO_TYPES, photoUrl } from "./SessionPhotos";
import { sendSession } from "./sync";
import "./outreach.css";

const TOPIC_GROUPS: readonly TopicGroup[] = ["red_flag", "migration_step", "protection"];
const BAND_LABEL: Record<(typeof AGE_BANDS)[number], string> = { under_18: "< 18", "18_24": "18–24", "25_39": "25–39", "40_59": "40–59", "60_plus": "≥ 60" };

const lines = (text: string) =>
  text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);

type Counts = Record<string, string>;

export function SessionForm({ me, session }: { me: Me; session?: SessionView }) {
  const { t, i18n } = useTranslation();
  const title = session ? t("outreach.form.editTitle") : t("outreach.form.title");
  usePageTitle(title);
  const english = i18n.language === "en";
  const [initial] = useState(() => sessionFormValues(session));
  const [id] = useState(() => session?.id ?? randomUuid());
  const [status, setStatus] = useState(initial.status);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [endTime, setEndTime] = useState(initial.endTime);
  const [kecamatan, setKecamatan] = useState<string>(initial.kecamatan);
  const [desa, setDesa] = useState<string>(initial.desa);
  const [venue, setVenue] = useState(initial.venue);
  const [audiences, setAudiences] = useState<string[]>(initial.audiences);
  const [topics, setTopics] = useState<string[]>(initial.topics);
  const [counts, setCounts] = useState<Counts>(initial.counts);
  const [facilitators, setFacilitators] = useState(initial.facilitators);
  const [coOrganisers, setCoOrganisers] = useState(initial.coOrganisers);
  const [materials, setMaterials] = useState(initial.materials);
  const [followUps, setFollowUps] = useState(initial.followUps);
  const [notes, setNotes] = useState(initial.notes);
  const [quiz, setQuiz] = useState(initial.quiz);
  // Chosen photos as they will be sent: a large camera photo is made smaller (and loses its GPS) here.
  const [photos, setPhotos] = useState<PreparedImage[]>([]);
  const [preparing, setPreparing] = useState(false);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const jurisdiction = useJurisdictionDesa(me);
  const regencyWide = !jurisdiction.loading && jurisdiction.options === null;
  const kecamatanList = useKecamatanList(regencyWide);
  const desaOfKecamatan = useDesaOf(regencyWide && kecamatan ? kecamatan : null);
  const desaOptions = regencyWide
    ? desaOfKecamatan.map((region) => ({ value: region.code, label: region.name }))
    : (jurisdiction.options ?? []).map((option) => ({ value: option.value, label: `${option.label} (${option.kecamatanName})` }));
  const selectedDesa = desa || (desaOptions.length === 1 ? desaOptions[0].value : "");
  const desaName = desaOptions.find((option) => option.value === selectedDesa)?.label ?? selectedDesa;

  const total = Object.values(counts).reduce((sum, value) => sum + (Number.parseInt(value, 10) || 0), 0);

  function toggle(list: string[], value: string, checked: boolean): string[] {
    return checked ? [...list, value] : list.filter((item) => item !== value);
  }

  function body(): SessionCreate {
    const attendance: Record<string, Record<string, number>> = {};
    for (const sex of SEXES) {
      for (const band of AGE_BANDS) {
        const n = Number.parseInt(counts[`${sex}.${band}`] ?? "", 10);
        if (Number.isFinite(n) && n > 0) attendance[sex] = { ...attendance[sex], [band]: n };
      }
    }
    const score = (value: string) => (value.trim() === "" ? null : Number(value.replace(",", ".")));
    const hasQuiz = quiz.pre || quiz.post || quiz.respondents;
    return {
      id,
      status,
      startsAt: `${date}T${time}`,
      endsAt: endTime ? `${date}T${endTime}` : null,
      desaCode: selectedDesa,
      venue: venue.trim() || null,
      coOrganiserAgencyIds: session?.coOrganisers.map((agency) => agency.id) ?? [],
      coOrganiserOthers: lines(coOrganisers),
      facilitators: lines(facilitators),
      audiences: audiences as SessionCreate["audiences"],
      attendance: attendance as SessionCreate["attendance"],
      topics: topics as SessionCreate["topics"],
      materials: lines(materials),
      followUps: followUps.trim() || null,
      notes: notes.trim() || null,
      quiz: hasQuiz ? { preScore: score(quiz.pre), postScore: score(quiz.post), respondents: quiz.respondents ? Number.parseInt(quiz.respondents, 10) : null } : null,
    };
  }

  function check(): Record<string, string> {
    const missing: Record<string, string> = {};
    if (!date) missing.startsAt = t("outreach.form.required.date");
    if (!time) missing.startsAt = t("outreach.form.required.date");
    if (!selectedDesa) missing.desaCode = t("outreach.form.required.desa");
    if (audiences.length === 0) missing.audiences = t("outreach.form.required.audiences");
    if (topics.length === 0) missing.topics = t("outreach.form.required.topics");
    return missing;
  }

  async function choosePhotos(files: File[]) {
    const room = MAX_ATTACHMENTS - photos.length;
    const photoFiles = files.filter((file) => (PHOTO_TYPES as readonly string[]).includes(file.type));
    setPreparing(true);
    const prepared: PreparedImage[] = [];
    for (const file of photoFiles.slice(0, Math.max(0, room))) prepared.push(await prepareImage(file));
    setPreparing(false);
    // The size limit applies to what is sent: a camera photo over 5 MB fits once it is made smaller.
    const fit = prepared.filter((photo) => photo.file.size <= MAX_ATTACHMENT_BYTES);
    setPhotos((chosen) => [...chosen, ...fit]);
    const refused = fit.length < prepared.length || photoFiles.length < files.length;
    setPhotoProblem(refused ? t("outreach.form.photosRefused") : photoFiles.length > room ? t("uploads.tooMany", { n: photoFiles.length - room }) : null);
  }

  /** Uploads the chosen photos once the session is on the server; returns how many failed. */
  async function uploadPhotos(): Promise<number> {
    let failed = 0;
    for (const { file } of photos) {
      try {
        await api.upload(photoUrl(id), file);
      } catch {
        failed++;
      }
    }
    return failed;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const missing = check();
    setFields(missing);
    if (Object.keys(missing).length > 0) {
      setError(t("outreach.form.checkFields"));
      return;
    }
    const payload = body();
    if (session) {
      await saveChanges(payload);
      return;
    }
    const keep = () => {
      outbox.add({ id, userId: me.id, body: payload, desaName });
      navigate(`${OUTREACH_PATH}?tersimpan=1${photos.length > 0 ? "&fotoTertinggal=1" : ""}`);
    };
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      keep();
      return;
    }
    setBusy(true);
    try {
      await sendSession(payload);
      const failed = await uploadPhotos();
      navigate(`${OUTREACH_PATH}?terkirim=1${failed > 0 ? `&fotoGagal=${failed}` : ""}`);
    } catch (caught) {
      if (isTransient(caught)) keep();
      else {
        setError(errorMessage(caught));
        setFields(caught instanceof ApiError ? fieldErrors(caught) : {});
      }
    } finally {
      setBusy(false);
    }
  }

  /** Edits go straight to the server; without a connection the form stays filled for a later try. */
  async function saveChanges({ id: _id, ...changes }: SessionCreate) {
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setError(t("outreach.form.editNeedsConnection"));
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/api/outreach/sessions/${encodeURIComponent(id)}`, changes);
      navigate(`${OUTREACH_PATH}?diubah=1`);
    } catch (caught) {
      setError(errorMessage(caught));
      setFields(fieldErrors(caught));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => Object.entries(fields).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

  return (
    <Stack className="outreach-form" maw={720}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {session ? t("outreach.form.editLead") : t("outreach.form.lead")}
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <Stack gap="lg">
          <Fieldset legend={t("outreach.form.when")}>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput size="lg" type="date" label={t("outreach.form.date")} value={date} onChange={(e) => setDate(e.currentTarget.value)} required error={fieldError("startsAt")} />
              <TextInput size="lg" type="time" label={t("outreach.form.startTime")} value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
              <TextInput size="lg" type="time" label={t("outreach.form.endTime")} value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={4}>
              {t("outreach.form.wib")}
            </Text>
            {session && (
              <NativeSelect
                size="lg"
                mt="sm"
                label={t("outreach.form.status")}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as SessionView["status"])}
                data={(["planned", "held", "cancelled"] as const).map((value) => ({ value, label: t(`outreach.status.${value}`) }))}
              />
            )}
          </Fieldset>

          <Fieldset legend={t("outreach.form.where")}>
            <Stack>
              {regencyWide && (
                <NativeSelect
                  size="lg"
                  label={t("outreach.kecamatan")}
                  value={kecamatan}
                  onChange={(e) => {
                    setKecamatan(e.currentTarget.value);
                    setDesa("");
                  }}
                  data={[{ value: "", label: t("outreach.form.choose") }, ...kecamatanList.map((region) => ({ value: region.code, label: region.name }))]}
                />
              )}
              <NativeSelect
                size="lg"
                label={t("outreach.desa")}
                value={selectedDesa}
                onChange={(e) => setDesa(e.currentTarget.value)}
                data={[{ value: "", label: jurisdiction.loading ? t("common.loading") : t("outreach.form.choose") }, ...desaOptions]}
                required
                error={fieldError("desaCode")}
              />
              <TextInput size="lg" label={t("outreach.form.venue")} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} maxLength={200} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t("outreach.form.audiences")}>
            <Stack gap="sm" role="group" aria-label={t("outreach.form.audiences")}>
              {AUDIENCES.map((code) => (
                <Checkbox
                  key={code}
                  size="md"
                  className="outreach-touch"
                  label={english ? AUDIENCE_LABELS[code].en : AUDIENCE_LABELS[code].id}
                  checked={audiences.includes(code)}
                  onChange={(e) => setAudiences(toggle(audiences, code, e.currentTarget.checked))}
                />
              ))}
              {fieldError("audiences") && (
                <Text c="red" size="sm">
                  {fieldError("audiences")}
                </Text>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t("outreach.form.attendance")}>
            <table className="outreach-attendance">
              <thead>
                <tr>
                  <th scope="col">{t("outreach.form.ageBand")}</th>
                  <th scope="col">{t("outreach.form.female")}</th>
                  <th scope="col">{t("outreach.form.male")}</th>
                </tr>
              </thead>
              <tbody>
                {AGE_BANDS.map((band) => (
                  <tr key={band}>
                    <th scope="row">{BAND_LABEL[band]}</th>
                    {SEXES.map((sex) => (
                      <td key={sex}>
                        <input
                          className="outreach-count"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={100000}
                          aria-label={t("outreach.form.countLabel", { sex: t(`outreach.form.${sex}`), band: BAND_LABEL[band] })}
                          value={counts[`${sex}.${band}`] ?? ""}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setCounts((previous) => ({ ...previous, [`${sex}.${band}`]: value }));
                          }}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <Text size="sm" mt="xs" role="status">
              {t("outreach.form.total", { n: total })}
            </Text>
          </Fieldset>

          <Fieldset legend={t("outreach.form.topics")}>
            <Stack gap="md">
              {TOPIC_GROUPS.map((group) => (
                <Stack key={group} gap="xs" role="group" aria-label={t(`outreach.topicGroup.${group}`)}>
                  <Text fw={600} size="sm">
                    {t(`outreach.topicGroup.${group}`)}
                  </Text>
                  {OUTREACH_TOPICS.filter((topic) => topic.group === group).map((topic) => (
                    <Checkbox
                      key={topic.code}
                      size="md"
                      className="outreach-touch"
                      label={english ? topic.titleEn : topic.title}
                      checked={topics.includes(topic.code)}
                      onChange={(e) => setTopics(toggle(topics, topic.code, e.currentTarget.checked))}
                    />
                  ))}
                </Stack>
              ))}
              {fieldError("topics") && (
                <Text c="red" size="sm">
                  {fieldError("topics")}
                </Text>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t("outreach.form.people")}>
            <Stack>
              <Textarea size="lg" autosize minRows={2} label={t("outreach.form.facilitators")} description={t("outreach.form.onePerLine")} value={facilitators} onChange={(e) => setFacilitators(e.currentTarget.value)} />
              <Textarea size="lg" autosize minRows={2} label={t("outreach.form.coOrganisers")} description={t("outreach.form.onePerLine")} value={coOrganisers} onChange={(e) => setCoOrganisers(e.currentTarget.value)} />
              <Textarea size="lg" autosize minRows={2} label={t("outreach.form.materials")} description={t("outreach.form.onePerLine")} value={materials} onChange={(e) => setMaterials(e.currentTarget.value)} />
              <Textarea size="lg" autosize minRows={2} label={t("outreach.form.followUps")} value={followUps} onChange={(e) => setFollowUps(e.currentTarget.value)} maxLength={2000} />
              <Textarea size="lg" autosize minRows={2} label={t("outreach.form.notes")} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={2000} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t("outreach.form.quiz")}>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput size="lg" type="number" inputMode="decimal" min={0} max={100} label={t("outreach.form.preScore")} value={quiz.pre} onChange={(e) => setQuiz({ ...quiz, pre: e.currentTarget.value })} error={fieldError("quiz.preScore")} />
              <TextInput size="lg" type="number" inputMode="decimal" min={0} max={100} label={t("outreach.form.postScore")} value={quiz.post} onChange={(e) => setQuiz({ ...quiz, post: e.currentTarget.value })} error={fieldError("quiz.postScore")} />
              <TextInput size="lg" type="number" inputMode="numeric" min={0} label={t("outreach.form.respondents")} value={quiz.respondents} onChange={(e) => setQuiz({ ...quiz, respondents: e.currentTarget.value })} />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={4}>
              {t("outreach.form.quizHint")}
            </Text>
          </Fieldset>

          {/* Photos of a recorded session are managed from the session list's photo dialog. */}
          {!session && (
          <Fieldset legend={t("outreach.form.photos")}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t("outreach.form.photosHint", { max: MAX_ATTACHMENTS })}
              </Text>
              {photos.length > 0 && (
                <ul className="outreach-photo-list" data-testid="chosen-photos">
                  {photos.map((photo) => (
                    <li key={`${photo.file.name}:${photo.originalSize}:${photo.file.lastModified}`}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">
                          {photo.file.name}{" "}
                          <Text span size="xs" c="dimmed">
                            {photo.changed
                              ? t("outreach.form.photoSize", { size: formatFileSize(photo.file.size), from: formatFileSize(photo.originalSize) })
                              : formatFileSize(photo.file.size)}
                          </Text>
                        </Text>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setPhotos(photos.filter((other) => other !== photo))}>
                          {t("outreach.photos.remove")}
                        </Button>
                      </Group>
                    </li>
                  ))}
                </ul>
              )}
              <Group>
                <FileButton onChange={(files) => void choosePhotos(files)} accept={PHOTO_TYPES.join(",")} multiple disabled={photos.length >= MAX_ATTACHMENTS || preparing}>
                  {(props) => (
                    <Button {...props} size="lg" variant="default" loading={preparing} disabled={photos.length >= MAX_ATTACHMENTS}>
                      {t("outreach.form.choosePhotos")}
                    </Button>
                  )}
                </FileButton>
              </Group>
              {photoProblem && (
                <Text c="red" size="sm" role="alert">
                  {photoProblem}
                </Text>
              )}
            </Stack>
          </Fieldset>
          )}

          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Paper className="outreach-submit" p="sm" withBorder>
            <Group wrap="nowrap" gap="xs">
              <Button component={Link} href={OUTREACH_PATH} variant="default" size="lg" px="md">
                {t("common.cancel")}
              </Button>
              <Button type="submit" size="lg" loading={busy} disabled={preparing} style={{ flex: 1 }} px="xs">
                {session ? t("outreach.form.saveChanges") : t("outreach.form.submit")}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {session ? t("outreach.form.editNeedsConnection") : t("outreach.form.offlineHint")}
            </Text>
          </Paper>
        </Stack>
      </form>
    </Stack>
  );
}

// The parts of the session form that only edit values: when, who came (audiences and the
// attendance table), topics, people and notes, and the quiz. Each takes the form state.
import { Checkbox, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AGE_BANDS, AUDIENCE_LABELS, AUDIENCES, OUTREACH_TOPICS, SEXES, type TopicGroup } from "../../../core/outreach-topics";
import { DateField, NoteField, TextField } from "../fields";
import type { SessionView } from "../villages/types";
import { attendanceTotal } from "./sessionValues";
import type { SessionFormState } from "./useSessionForm";

const TOPIC_GROUPS: readonly TopicGroup[] = ["red_flag", "migration_step", "protection"];
const BAND_LABEL: Record<(typeof AGE_BANDS)[number], string> = {
  under_18: "< 18",
  "18_24": "18–24",
  "25_39": "25–39",
  "40_59": "40–59",
  "60_plus": "≥ 60",
};

const toggle = (list: string[], value: string, checked: boolean) => (checked ? [...list, value] : list.filter((item) => item !== value));

function FieldMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text c="red" size="sm">
      {message}
    </Text>
  );
}

export function SessionWhenFields({ form, editing }: { form: SessionFormState; editing: boolean }) {
  const { t } = useTranslation();
  const { values, set, fieldError } = form;
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <DateField
          size="lg"
          label={t("outreach.form.date")}
          value={values.date}
          onChange={set("date")}
          required
          error={fieldError("startsAt")}
        />
        <TextField size="lg" type="time" label={t("outreach.form.startTime")} value={values.time} onChange={set("time")} required />
        <TextField
          size="lg"
          type="time"
          label={t("outreach.form.endTime")}
          value={values.endTime}
          onChange={set("endTime")}
          error={fieldError("endsAt")}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={4}>
        {t("outreach.form.wib")}
      </Text>
      {editing && (
        <NativeSelect
          size="lg"
          mt="sm"
          label={t("outreach.form.status")}
          value={values.status}
          onChange={(e) => set("status")(e.currentTarget.value as SessionView["status"])}
          data={(["planned", "held", "cancelled"] as const).map((value) => ({ value, label: t(`outreach.status.${value}`) }))}
        />
      )}
    </>
  );
}

export function SessionAudienceFields({ form }: { form: SessionFormState }) {
  const { t, i18n } = useTranslation();
  const { values, set, fieldError } = form;
  return (
    <Stack gap="sm" role="group" aria-label={t("outreach.form.audiences")}>
      {AUDIENCES.map((code) => (
        <Checkbox
          key={code}
          size="md"
          className="outreach-touch"
          label={i18n.language === "en" ? AUDIENCE_LABELS[code].en : AUDIENCE_LABELS[code].id}
          checked={values.audiences.includes(code)}
          onChange={(e) => set("audiences")(toggle(values.audiences, code, e.currentTarget.checked))}
        />
      ))}
      <FieldMessage message={fieldError("audiences")} />
    </Stack>
  );
}

export function AttendanceTable({ form }: { form: SessionFormState }) {
  const { t } = useTranslation();
  const { values, set } = form;
  return (
    <>
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
                    value={values.counts[`${sex}.${band}`] ?? ""}
                    onChange={(e) => set("counts")({ ...values.counts, [`${sex}.${band}`]: e.currentTarget.value })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="sm" mt="xs" role="status">
        {t("outreach.form.total", { n: attendanceTotal(values.counts) })}
      </Text>
    </>
  );
}

export function SessionTopicFields({ form }: { form: SessionFormState }) {
  const { t, i18n } = useTranslation();
  const { values, set, fieldError } = form;
  return (
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
              label={i18n.language === "en" ? topic.titleEn : topic.title}
              checked={values.topics.includes(topic.code)}
              onChange={(e) => set("topics")(toggle(values.topics, topic.code, e.currentTarget.checked))}
            />
          ))}
        </Stack>
      ))}
      <FieldMessage message={fieldError("topics")} />
    </Stack>
  );
}

export function SessionPeopleFields({ form }: { form: SessionFormState }) {
  const { t } = useTranslation();
  const { values, set } = form;
  const area = (key: "facilitators" | "coOrganisers" | "materials" | "followUps" | "notes", list: boolean) => (
    <NoteField
      size="lg"
      label={t(`outreach.form.${key}`)}
      description={list ? t("outreach.form.onePerLine") : undefined}
      value={values[key]}
      onChange={set(key)}
      maxLength={list ? undefined : 2000}
    />
  );
  return (
    <Stack>
      {area("facilitators", true)}
      {area("coOrganisers", true)}
      {area("materials", true)}
      {area("followUps", false)}
      {area("notes", false)}
    </Stack>
  );
}

export function SessionQuizFields({ form }: { form: SessionFormState }) {
  const { t } = useTranslation();
  const { values, set, fieldError } = form;
  const quiz = values.quiz;
  const bind = (key: keyof typeof quiz) => ({ value: quiz[key], onChange: (value: string) => set("quiz")({ ...quiz, [key]: value }) });
  // The scores before and after the session, in percent.
  const score = (key: "pre" | "post", label: string) => (
    <TextField
      size="lg"
      type="number"
      inputMode="decimal"
      min={0}
      max={100}
      label={label}
      {...bind(key)}
      error={fieldError(`quiz.${key}Score`)}
    />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        {score("pre", t("outreach.form.preScore"))}
        {score("post", t("outreach.form.postScore"))}
        <TextField size="lg" type="number" inputMode="numeric" min={0} label={t("outreach.form.respondents")} {...bind("respondents")} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={4}>
        {t("outreach.form.quizHint")}
      </Text>
    </>
  );
}

// Recording an outreach session from a phone: large touch targets, one column at 360 px, and no
// connection needed. The session gets its UUID here; offline (or when sending fails on the way)
// it is kept in the outbox and sent later with the same id, so the server stores it once. Given a
// `session`, the same form edits it (online only); given a `queued` outbox item the server refused,
// it opens that session to be corrected and sent again.
// The parts live beside it: state and submit (`useSessionForm`), place (`SessionPlaceFields`), the
// other fields (`SessionFields`), photos (`SessionPhotoPicker`), values and checks (`sessionValues`).
import { Button, Fieldset, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "../../lib/router";
import type { Me } from "../../lib/types";
import { usePageTitle } from "../usePageTitle";
import { OUTREACH_PATH, type SessionView } from "../villages/types";
import type { OutboxItem } from "./outbox";
import {
  AttendanceTable,
  SessionAudienceFields,
  SessionPeopleFields,
  SessionQuizFields,
  SessionTopicFields,
  SessionWhenFields,
} from "./SessionFields";
import { SessionPhotoPicker, usePhotoPicker } from "./SessionPhotoPicker";
import { SessionPlaceFields } from "./SessionPlaceFields";
import { useSessionForm } from "./useSessionForm";
import "./outreach.css";
import { PageHeader } from "../PageHeader";
import { FormErrorAlert } from "../FormErrorAlert";

export function SessionForm({ me, session, queued }: { me: Me; session?: SessionView; queued?: OutboxItem }) {
  const { t } = useTranslation();
  const title = session ? t("outreach.form.editTitle") : queued ? t("outreach.form.fixTitle") : t("outreach.form.title");
  usePageTitle(title);
  const photos = usePhotoPicker();
  const form = useSessionForm({ me, session, queued, uploadPhotos: photos.upload, photoCount: photos.photos.length });
  const { values, set, place } = form;

  return (
    <Stack className="outreach-form" maw={720}>
      <PageHeader
        title={title}
        lead={session ? t("outreach.form.editLead") : queued ? t("outreach.form.fixLead") : t("outreach.form.lead")}
      />
      <form onSubmit={(event) => void form.submit(event)} noValidate aria-label={title}>
        <Stack gap="lg">
          <Fieldset legend={t("outreach.form.when")}>
            <SessionWhenFields form={form} editing={session !== undefined} />
          </Fieldset>
          <Fieldset legend={t("outreach.form.where")}>
            <SessionPlaceFields
              me={me}
              place={place}
              kecamatan={values.kecamatan}
              venue={values.venue}
              onKecamatan={set("kecamatan")}
              onDesa={set("desa")}
              onVenue={set("venue")}
              desaError={form.fieldError("desaCode")}
            />
          </Fieldset>
          <Fieldset legend={t("outreach.form.audiences")}>
            <SessionAudienceFields form={form} />
          </Fieldset>
          <Fieldset legend={t("outreach.form.attendance")}>
            <AttendanceTable form={form} />
          </Fieldset>
          <Fieldset legend={t("outreach.form.topics")}>
            <SessionTopicFields form={form} />
          </Fieldset>
          <Fieldset legend={t("outreach.form.people")}>
            <SessionPeopleFields form={form} />
          </Fieldset>
          <Fieldset legend={t("outreach.form.quiz")}>
            <SessionQuizFields form={form} />
          </Fieldset>
          {/* Photos of a recorded session are managed from the session list's photo dialog. */}
          {!session && (
            <Fieldset legend={t("outreach.form.photos")}>
              <SessionPhotoPicker picker={photos} />
            </Fieldset>
          )}
          <FormErrorAlert error={form.error} />
          <Paper className="outreach-submit" p="sm" withBorder>
            <Group wrap="nowrap" gap="xs">
              <Button component={Link} href={OUTREACH_PATH} variant="default" size="lg" px="md">
                {t("common.cancel")}
              </Button>
              <Button type="submit" size="lg" loading={form.busy} disabled={photos.preparing} style={{ flex: 1 }} px="xs">
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

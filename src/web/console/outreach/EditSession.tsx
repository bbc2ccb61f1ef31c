// Editing a recorded session: the session form, filled with the session. The server decides who
// may change it (`abilities.update`); a session out of the caller's reach answers 404.
import { Alert, Button, Loader, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/errors";
import { Link } from "../../lib/router";
import type { Me } from "../../lib/types";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { OUTREACH_PATH, type SessionView } from "../villages/types";
import { SessionForm } from "./SessionForm";

export function EditSession({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const session = useResource<SessionView>(`/api/outreach/sessions/${encodeURIComponent(id)}`);
  usePageTitle(t("outreach.form.editTitle"));
  if (session.loading && !session.data) return <Loader aria-label={t("common.loading")} />;
  if (session.error || !session.data) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {errorMessage(session.error)}
        </Alert>
        <Button component={Link} href={OUTREACH_PATH} variant="default" w="fit-content">
          {t("outreach.title")}
        </Button>
      </Stack>
    );
  }
  if (!session.data.abilities.update) {
    return (
      <Stack>
        <Alert color="orange" role="alert">
          {t("outreach.form.editNotAllowed")}
        </Alert>
        <Button component={Link} href={OUTREACH_PATH} variant="default" w="fit-content">
          {t("outreach.title")}
        </Button>
      </Stack>
    );
  }
  return <SessionForm key={session.data.id} me={me} session={session.data} />;
}

// Editing a recorded session: the session form, filled with the session. The server decides who
// may change it (`abilities.update`); a session out of the caller's reach answers 404.
import { Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/errors";
import type { Me } from "../../lib/types";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import type { SessionView } from "../villages/types";
import { SessionNotice } from "./NewSession";
import { SessionForm } from "./SessionForm";

export function EditSession({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const session = useResource<SessionView>(`/api/outreach/sessions/${encodeURIComponent(id)}`);
  usePageTitle(t("outreach.form.editTitle"));
  if (session.loading && !session.data) return <Loader aria-label={t("common.loading")} />;
  if (session.error || !session.data) {
    return <SessionNotice color="red">{errorMessage(session.error)}</SessionNotice>;
  }
  if (!session.data.abilities.update) {
    return <SessionNotice color="orange">{t("outreach.form.editNotAllowed")}</SessionNotice>;
  }
  return <SessionForm key={session.data.id} me={me} session={session.data} />;
}

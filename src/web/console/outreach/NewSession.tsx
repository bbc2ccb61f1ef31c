// Recording a session: a blank form, or with `?perbaiki=<id>` a session from this device's outbox
// that the server refused, opened to be corrected and sent again under the same id.
import { Alert, Button, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { OUTREACH_NEW_PATH, OUTREACH_PATH } from "../villages/types";
import { outbox } from "./outbox";
import { SessionForm } from "./SessionForm";

export const FIX_PARAM = "perbaiki";

export function fixSessionPath(id: string): string {
  return `${OUTREACH_NEW_PATH}?${FIX_PARAM}=${encodeURIComponent(id)}`;
}

export function NewSession({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const fixId = search.get(FIX_PARAM);
  if (!fixId) return <SessionForm me={me} />;
  const queued = outbox.find(fixId);
  if (!queued || queued.userId !== me.id) {
    return <SessionNotice color="orange">{t("outreach.form.fixGone")}</SessionNotice>;
  }
  return <SessionForm key={queued.id} me={me} queued={queued} />;
}

/** A message shown instead of the session form, with the way back to the sessions. */
export function SessionNotice({ color, children }: { color: "red" | "orange"; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color={color} role="alert">
        {children}
      </Alert>
      <Button component={Link} href={OUTREACH_PATH} variant="default" w="fit-content">
        {t("outreach.title")}
      </Button>
    </Stack>
  );
}

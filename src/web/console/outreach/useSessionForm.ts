// The session form's state and what its submit button does: a new session is sent, or kept in the
// outbox when there is no connection (or the server is out of reach); a session the server refused
// from the outbox is opened again, corrected and sent with the same id; a recorded session is
// changed online only (edits are not queued).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { navigate } from "../../lib/router";
import type { Me } from "../../lib/types";
import { randomUuid } from "../../lib/uuid";
import { OUTREACH_PATH, type SessionCreate, type SessionView } from "../villages/types";
import { isTransient, type OutboxItem, outbox } from "./outbox";
import {
  type SessionFormValues,
  type SessionProblem,
  queuedFormValues,
  sessionBody,
  sessionFormValues,
  sessionProblems,
} from "./sessionValues";
import { type SessionPlace, useSessionPlace } from "./SessionPlaceFields";
import { sendSession } from "./sync";

const PROBLEM_KEYS: Record<SessionProblem, string> = {
  date: "outreach.form.required.date",
  endBeforeStart: "outreach.form.endBeforeStart",
  desa: "outreach.form.required.desa",
  audiences: "outreach.form.required.audiences",
  topics: "outreach.form.required.topics",
};

const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;

export interface SessionFormState {
  id: string;
  values: SessionFormValues;
  set: <K extends keyof SessionFormValues>(key: K) => (value: SessionFormValues[K]) => void;
  /** The message beside a field (the form's own check or the server's). */
  fieldError: (name: string) => string | undefined;
  error: string | null;
  busy: boolean;
  submit: (event: FormEvent) => Promise<void>;
  place: SessionPlace;
}

export function useSessionForm({
  me,
  session,
  queued,
  uploadPhotos,
  photoCount,
}: {
  me: Me;
  session?: SessionView;
  queued?: OutboxItem;
  /** Uploads the chosen photos once the session is on the server; returns how many failed. */
  uploadPhotos: (sessionId: string) => Promise<number>;
  photoCount: number;
}): SessionFormState {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => (queued ? queuedFormValues(queued.body) : sessionFormValues(session)));
  const [id] = useState(() => session?.id ?? queued?.id ?? randomUuid());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(queued?.rejected ? t("outreach.pending.rejected", { reason: queued.rejected }) : null);
  const [fields, setFields] = useState<Record<string, string>>(queued?.rejectedFields ?? {});
  const place = useSessionPlace(me, values.kecamatan, values.desa);
  const { desaCode, desaName } = place;

  const set: SessionFormState["set"] = (key) => (value) => setValues((previous) => ({ ...previous, [key]: value }));
  const fieldError = (name: string) => Object.entries(fields).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

  function refuse(caught: unknown) {
    setError(errorMessage(caught));
    setFields(caught instanceof ApiError ? fieldErrors(caught) : {});
  }

  async function saveChanges({ id: _id, ...changes }: SessionCreate) {
    if (offline()) {
      setError(t("outreach.form.editNeedsConnection"));
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/api/outreach/sessions/${encodeURIComponent(id)}`, changes);
      navigate(`${OUTREACH_PATH}?diubah=1`);
    } catch (caught) {
      refuse(caught);
    } finally {
      setBusy(false);
    }
  }

  async function create(payload: SessionCreate) {
    const keep = () => {
      outbox.add({ id, userId: me.id, body: payload, desaName });
      navigate(`${OUTREACH_PATH}?tersimpan=1${photoCount > 0 ? "&fotoTertinggal=1" : ""}`);
    };
    if (offline()) {
      keep();
      return;
    }
    setBusy(true);
    try {
      await sendSession(payload);
      // A corrected session from the outbox has arrived: it no longer waits on the device.
      if (queued) outbox.remove(id);
      const failed = await uploadPhotos(id);
      navigate(`${OUTREACH_PATH}?terkirim=1${failed > 0 ? `&fotoGagal=${failed}` : ""}`);
    } catch (caught) {
      if (isTransient(caught)) keep();
      else refuse(caught);
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problems = sessionProblems(values, desaCode);
    const messages = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(PROBLEM_KEYS[problem!])]));
    setFields(messages);
    if (Object.keys(messages).length > 0) {
      setError(t("outreach.form.checkFields"));
      return;
    }
    const coOrganiserAgencyIds = session?.coOrganisers.map((agency) => agency.id) ?? queued?.body.coOrganiserAgencyIds ?? [];
    const payload = sessionBody(values, id, desaCode, coOrganiserAgencyIds);
    if (session) await saveChanges(payload);
    else await create(payload);
  }

  return { id, values, set, fieldError, error, busy, submit, place };
}

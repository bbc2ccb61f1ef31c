// The agency directory: each agency's sub-task forces and focal points (phones callable). Those who manage
// coordination set the task forces in place and add focal points.
import { Anchor, Badge, Group, MultiSelect, Select, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TASK_FORCES } from "../../../core/coordination";
import { api, request } from "../../lib/api";
import { TextField } from "../fields";
import { FormErrorAlert } from "../FormErrorAlert";
import { useSubmission, useValues } from "../forms";
import { Panel } from "../Panel";
import { RunButton } from "../RunButton";
import { SimpleTable } from "../SimpleTable";
import { useAgencies } from "./shared";

export function Directory({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { dir, options } = useAgencies();
  const taskForces = useSubmission();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("coordination.directoryLead")}
      </Text>
      <FormErrorAlert error={taskForces.error} rest={Object.values(taskForces.fields)} />
      <SimpleTable headers={[t("coordination.agency"), t("coordination.taskForces"), t("coordination.focalPoints")]}>
        {dir.data?.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Text>{a.name}</Text>
              <Text size="xs" c="dimmed">
                {t(`coordination.category.${a.category}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              {manage ? (
                <MultiSelect
                  aria-label={t("coordination.taskForces")}
                  data={TASK_FORCES.map((tf) => ({ value: tf, label: t(`coordination.taskForce.${tf}`) }))}
                  value={a.taskForces}
                  onChange={(v) =>
                    void taskForces
                      .run(async () => {
                        await request("PUT", `/api/coordination/agencies/${a.id}/task-forces`, { taskForces: v });
                      })
                      .then(dir.reload)
                  }
                />
              ) : (
                <Group gap={4}>
                  {a.taskForces.map((tf) => (
                    <Badge key={tf} variant="light">
                      {t(`coordination.taskForce.${tf}`)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td>
              {a.focalPoints.map((p) => (
                <Text size="sm" key={p.id}>
                  {p.name}
                  {p.position && `, ${p.position}`}
                  {p.phone && (
                    <>
                      {" · "}
                      <Anchor href={`tel:${p.phone.replace(/[^0-9+]/g, "")}`}>{p.phone}</Anchor>
                    </>
                  )}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </SimpleTable>
      {manage && <AddFocalPoint agencies={options} onSaved={dir.reload} />}
    </Stack>
  );
}

function AddFocalPoint({ agencies, onSaved }: { agencies: { value: string; label: string }[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { values: fp, bind, reset } = useValues({ agency: null as string | null, name: "", position: "", phone: "" });
  const submission = useSubmission();
  return (
    <Panel title={t("coordination.addFocalPoint")}>
      <Stack gap="xs">
        <Group grow align="end">
          <Select label={t("coordination.agency")} data={agencies} {...bind("agency")} searchable />
          <TextField label={t("coordination.fpName")} {...bind("name")} />
          <TextField label={t("coordination.fpPosition")} {...bind("position")} />
          <TextField label={t("coordination.fpPhone")} {...bind("phone")} />
        </Group>
        <RunButton
          disabled={!fp.agency}
          submission={submission}
          action={async () => {
            await api.post(`/api/coordination/agencies/${fp.agency}/focal-points`, {
              name: fp.name,
              position: fp.position.trim() || null,
              phone: fp.phone.trim() || null,
            });
            reset();
            onSaved();
          }}
        >
          {t("coordination.save")}
        </RunButton>
      </Stack>
    </Panel>
  );
}

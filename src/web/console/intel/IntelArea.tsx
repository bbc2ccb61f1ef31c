// Recruiter intelligence in the console (its own lazy chunk, with the network view's graph library):
// the entity list and search, and one entity. Shown only to users whose `viewIntel` ability the server sets.
import { INTEL_PATH } from "../../lib/intel";
import { PageNotFound } from "../Placeholder";
import { EntityPage } from "./EntityPage";
import { IntelList } from "./IntelList";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function IntelArea({ pathname }: { pathname: string }) {
  const path = pathname.replace(/\/+$/, "");
  if (path === INTEL_PATH) return <IntelList />;
  const id = path.slice(INTEL_PATH.length + 1);
  if (UUID.test(id)) return <EntityPage key={id} id={id} />;
  return <PageNotFound />;
}

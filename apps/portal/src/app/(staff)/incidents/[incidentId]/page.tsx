import { roleAtLeast } from "@purposeful/domain";
import { IncidentCase } from "../../../../features/cases/incident-case";
import { Forbidden } from "../../../../features/shell/forbidden";
import { getServerCaller } from "../../../../server/caller";

export default async function IncidentPage({ params }: { params: Promise<{ incidentId: string }> }) {
  const { incidentId } = await params;
  const { user } = await getServerCaller();
  if (!roleAtLeast(user.role, "dpo")) return <Forbidden user={user} />;
  return <IncidentCase incidentId={incidentId} role={user.role} />;
}

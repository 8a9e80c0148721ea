import { RequestCase } from "../../../../features/cases/request-case";
import { getServerCaller } from "../../../../server/caller";

export default async function RequestCasePage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const { user } = await getServerCaller();
  return <RequestCase requestId={requestId} role={user.role} />;
}

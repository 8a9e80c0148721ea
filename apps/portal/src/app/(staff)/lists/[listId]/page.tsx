import { roleAtLeast } from "@purposeful/domain";
import { notFound } from "next/navigation";
import { ListDetail } from "../../../../features/lists/list-detail";
import { Forbidden } from "../../../../features/shell/forbidden";
import { getServerCaller } from "../../../../server/caller";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ListPage({ params }: { params: Promise<{ listId: string }> }) {
  const { listId } = await params;
  const { user } = await getServerCaller();
  if (!roleAtLeast(user.role, "marketing")) return <Forbidden user={user} />;
  if (!uuid.test(listId)) notFound();
  return <ListDetail listId={listId} mayIncludeRefusals={roleAtLeast(user.role, "dpo")} />;
}

import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { NewRequestForm } from "../../../../features/cases/new-request-form";
import type { PickedPerson } from "../../../../features/cases/person-picker";
import { getServerCaller } from "../../../../server/caller";

async function personOf(personId: string | undefined): Promise<PickedPerson | null> {
  if (!personId) return null;
  const { caller } = await getServerCaller();
  try {
    const { person } = await caller.persons.get({ personId });
    return { id: person.id, firstName: person.firstName, lastName: person.lastName };
  } catch (error) {
    // A stale or mistyped link opens the empty form rather than an error page.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<{ person?: string }>;
}) {
  const { person } = await searchParams;
  const t = await getTranslations("requests");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("newTitle")}</h1>
      <NewRequestForm person={await personOf(person)} />
    </>
  );
}

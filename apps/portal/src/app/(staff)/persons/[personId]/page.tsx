import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PersonAccessReports } from "../../../../features/access-reports/person-access-reports";
import { PortabilityLink } from "../../../../features/access-reports/portability-link";
import { PersonCases } from "../../../../features/cases/person-cases";
import { ObjectionPanel } from "../../../../features/consent/objection-panel";
import { RecordConsentPanel } from "../../../../features/consent/record-consent-panel";
import { RequestConsentPanel } from "../../../../features/consent/request-consent-panel";
import { ErasureAction } from "../../../../features/erasure/erasure-action";
import { type ErasureHistoryView, PersonErasures } from "../../../../features/erasure/person-erasures";
import { PersonHeldItems } from "../../../../features/erasure/person-held-items";
import { AddFollowUp } from "../../../../features/follow-ups/add-follow-up";
import { PersonActivities } from "../../../../features/persons/person-activities";
import {
  type AdmissibilityView,
  PersonAdmissibility,
} from "../../../../features/persons/person-admissibility";
import { PersonBankAccounts } from "../../../../features/persons/person-bank-accounts";
import { PersonCampaigns } from "../../../../features/persons/person-campaigns";
import { PersonCommunication } from "../../../../features/persons/person-communication";
import { PersonDocuments } from "../../../../features/persons/person-documents";
import { PersonHeader } from "../../../../features/persons/person-header";
import { PersonHistory } from "../../../../features/persons/person-history";
import { PersonLightExplanation } from "../../../../features/persons/person-light-explanation";
import { PersonMasterData } from "../../../../features/persons/person-master-data";
import { PersonPrivacy } from "../../../../features/persons/person-privacy";
import { PersonPurposes } from "../../../../features/persons/person-purposes";
import { PersonRelationships } from "../../../../features/persons/person-relationships";
import { isAnonymized, type PersonView } from "../../../../features/persons/person-section";
import { getServerCaller } from "../../../../server/caller";

async function loadPerson(personId: string): Promise<[PersonView, AdmissibilityView, ErasureHistoryView]> {
  const { caller } = await getServerCaller();
  try {
    return await Promise.all([
      caller.persons.get({ personId }),
      caller.persons.admissibility({ personId }),
      caller.erasure.history({ personId }),
    ]);
  } catch (error) {
    // An unknown id and a malformed one look the same to the user: there is no such person.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
}

export default async function PersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  const [person, verdicts, erasures] = await loadPerson(personId);
  const { user } = await getServerCaller();
  const t = await getTranslations();
  // Erasure level 3: an anonymized person is no longer edited, asked or recorded.
  const anonymized = isAnonymized(person);
  return (
    <div className="space-y-6">
      <PersonHeader
        view={person}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/requests/new?person=${person.person.id}`}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              {t("requests.fromPerson")}
            </Link>
            {!anonymized && (
              <ErasureAction
                personId={person.person.id}
                role={user.role}
                erasedLevel={person.person.erasedLevel}
              />
            )}
          </div>
        }
      />
      <PersonPrivacy view={person} />
      <PersonLightExplanation view={person} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PersonMasterData view={person} />
        <PersonCommunication view={person} />
      </div>
      <PersonPurposes view={person} />
      <PersonAdmissibility view={person} verdicts={verdicts} />
      {!anonymized && (
        <>
          <RecordConsentPanel personId={person.person.id} minor={person.ageCheck.status === "minor"} />
          <ObjectionPanel personId={person.person.id} objected={person.person.dmObjectionChannels} />
          <RequestConsentPanel personId={person.person.id} />
          <AddFollowUp personId={person.person.id} />
        </>
      )}
      <PersonCampaigns view={person} />
      <PersonActivities view={person} />
      <PersonDocuments view={person} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PersonRelationships view={person} />
        <PersonBankAccounts view={person} />
      </div>
      <PersonAccessReports
        personId={person.person.id}
        personLanguage={person.person.preferredLanguage}
        role={user.role}
      />
      <PortabilityLink personId={person.person.id} role={user.role} />
      <PersonCases personId={person.person.id} />
      <PersonHeldItems view={person} />
      <PersonErasures erasures={erasures} />
      <PersonHistory personId={person.person.id} />
    </div>
  );
}

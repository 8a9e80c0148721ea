import { roleAtLeast, suppressionOverrideRole } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getServerCaller } from "../../server/caller";
import { AddCommunication, CommunicationEntryActions } from "./edit-communication";
import { NoEntries, PersonSection, type PersonView } from "./person-section";

function Group({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{title}</h3>
      {empty ? <NoEntries text={empty} /> : <ul className="space-y-1">{children}</ul>}
    </div>
  );
}

function Kind({ label }: { label: string }) {
  return <span className="text-sm text-slate-600">({label})</span>;
}

export async function PersonCommunication({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const { user } = await getServerCaller();
  const primary = (
    <span className="rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900 ring-1 ring-blue-200">
      {t("person.primary")}
    </span>
  );
  const noEntries = t("person.noEntries");
  const personId = view.person.id;
  return (
    <PersonSection id="communication" title={t("person.communication")}>
      <div className="grid gap-4 md:grid-cols-3">
        <Group title={t("person.email")} empty={view.emails.length === 0 ? noEntries : null}>
          {view.emails.map((email) => (
            <li key={email.id} className="flex flex-wrap items-center gap-2 break-all">
              <span>{email.address}</span>
              <Kind label={t(`person.emailKinds.${email.kind}`)} />
              {email.isPrimary && primary}
              <CommunicationEntryActions
                personId={personId}
                channel="email"
                entryId={email.id}
                label={email.address}
                isPrimary={email.isPrimary}
              />
            </li>
          ))}
        </Group>
        <Group title={t("person.phone")} empty={view.phones.length === 0 ? noEntries : null}>
          {view.phones.map((phone) => (
            <li key={phone.id} className="flex flex-wrap items-center gap-2">
              <span>{phone.number}</span>
              <Kind label={t(`person.phoneKinds.${phone.kind}`)} />
              {phone.isPrimary && primary}
              <CommunicationEntryActions
                personId={personId}
                channel="phone"
                entryId={phone.id}
                label={phone.number}
                isPrimary={phone.isPrimary}
              />
            </li>
          ))}
        </Group>
        <Group title={t("person.address")} empty={view.addresses.length === 0 ? noEntries : null}>
          {view.addresses.map((address) => (
            <li key={address.id}>
              <address className="not-italic">
                {address.street}
                <br />
                {address.postalCode} {address.city}
                <br />
                {address.country}
              </address>
              <div className="flex items-center gap-2">
                <Kind label={t(`person.addressKinds.${address.kind}`)} />
                {address.isPrimary && primary}
                <CommunicationEntryActions
                  personId={personId}
                  channel="address"
                  entryId={address.id}
                  label={`${address.street}, ${address.postalCode} ${address.city}`}
                  isPrimary={address.isPrimary}
                />
              </div>
            </li>
          ))}
        </Group>
      </div>
      <AddCommunication
        personId={personId}
        mayOverrideSuppression={roleAtLeast(user.role, suppressionOverrideRole)}
      />
    </PersonSection>
  );
}

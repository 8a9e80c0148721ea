"use client";

import { requestChannels, requestTypes } from "@purposeful/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { inputClass, localDateTimeInput, primaryClass } from "./case-format";
import { PersonPicker, type PickedPerson } from "./person-picker";

type RequestType = (typeof requestTypes)[number];
type Channel = (typeof requestChannels)[number];

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Issue 11 #1: records a request — typed in, or checked in from the request mail (.eml), whose
 * sender, date and text prefill the form and which is kept with the case. The due date is the
 * domain's, computed by the server from the received time.
 */
export function NewRequestForm({ person }: { person: PickedPerson | null }) {
  const t = useTranslations("requests");
  const tt = useTranslations("requestTypes");
  const tc = useTranslations("requestChannels");
  const trpc = useTRPC();
  const router = useRouter();
  const [type, setType] = useState<RequestType>("access");
  const [channel, setChannel] = useState<Channel>("email");
  const [receivedAt, setReceivedAt] = useState(() => localDateTimeInput(new Date()));
  const [requesterName, setRequesterName] = useState("");
  const [requesterEmail, setRequesterEmail] = useState("");
  const [description, setDescription] = useState("");
  const [persons, setPersons] = useState<PickedPerson[]>(person ? [person] : []);
  const [assigneeId, setAssigneeId] = useState("");
  const [email, setEmail] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const assignees = useQuery(trpc.requests.assignees.queryOptions());
  const parse = useMutation(trpc.requests.parseEmail.mutationOptions());
  const create = useMutation(
    trpc.requests.create.mutationOptions({ onSuccess: (created) => router.push(`/requests/${created.id}`) }),
  );

  async function checkIn(file: File | undefined) {
    if (!file) return;
    const checked = { fileName: file.name, contentBase64: await base64Of(file) };
    const mail = await parse.mutateAsync(checked);
    setEmail(checked);
    setChannel("email");
    if (mail.date) setReceivedAt(localDateTimeInput(new Date(mail.date)));
    if (mail.fromName) setRequesterName(mail.fromName);
    if (mail.fromAddress) setRequesterEmail(mail.fromAddress);
    setDescription([mail.subject, mail.text].filter(Boolean).join("\n\n"));
    const known = new Set(persons.map((p) => p.id));
    setPersons([...persons, ...mail.persons.filter((p) => !known.has(p.id))]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      type,
      channel,
      receivedAt: new Date(receivedAt),
      requesterName,
      requesterEmail: requesterEmail.trim() || null,
      description,
      personIds: persons.map((p) => p.id),
      assigneeId: assigneeId || null,
      email,
    });
  }

  const error = create.error ?? parse.error;
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="rounded border border-dashed border-slate-300 p-3">
        <label className="block text-sm font-medium">
          {t("checkIn")}
          <input
            type="file"
            accept=".eml,message/rfc822"
            className="mt-1 block text-sm"
            onChange={(event) => void checkIn(event.target.files?.[0])}
          />
        </label>
        <p className="mt-1 text-xs text-slate-600">{t("checkInHint")}</p>
        {parse.data && (
          <p role="status" className="mt-1 text-sm text-green-900">
            {t("checkedIn", { subject: parse.data.subject ?? parse.data.from ?? "" })}
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block text-sm">
          {t("fields.type")}
          <select
            className={inputClass}
            value={type}
            onChange={(event) => setType(event.target.value as RequestType)}
          >
            {requestTypes.map((value) => (
              <option key={value} value={value}>
                {tt(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("fields.channel")}
          <select
            className={inputClass}
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
          >
            {requestChannels.map((value) => (
              <option key={value} value={value}>
                {tc(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("fields.receivedAt")}
          <input
            type="datetime-local"
            required
            className={inputClass}
            value={receivedAt}
            onChange={(event) => setReceivedAt(event.target.value)}
          />
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          {t("fields.requesterName")}
          <input
            className={inputClass}
            value={requesterName}
            onChange={(event) => setRequesterName(event.target.value)}
          />
        </label>
        <label className="block text-sm">
          {t("fields.requesterEmail")}
          <input
            type="email"
            className={inputClass}
            value={requesterEmail}
            onChange={(event) => setRequesterEmail(event.target.value)}
          />
        </label>
      </div>
      <label className="block text-sm">
        {t("fields.description")}
        <textarea
          rows={6}
          className={inputClass}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      {parse.data && parse.data.persons.length > 0 && (
        <p className="text-sm text-slate-700">
          {t("matched")}: {parse.data.persons.map((p) => `${p.lastName}, ${p.firstName}`).join("; ")}
        </p>
      )}
      <PersonPicker value={persons} onChange={setPersons} label={t("fields.persons")} />
      <label className="block text-sm">
        {t("fields.assignee")}
        <select
          className={inputClass}
          value={assigneeId}
          onChange={(event) => setAssigneeId(event.target.value)}
        >
          <option value="">{t("fields.nobody")}</option>
          {(assignees.data ?? []).map((staff) => (
            <option key={staff.id} value={staff.id}>
              {staff.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {error.message}
        </p>
      )}
      <button type="submit" className={primaryClass} disabled={create.isPending}>
        {t("create")}
      </button>
    </form>
  );
}

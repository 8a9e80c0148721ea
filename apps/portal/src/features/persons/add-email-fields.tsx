"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { useDebounced } from "./create-person-form";
import { SuppressionWarning } from "./suppression-warning";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The address field of "add e-mail address": as soon as a whole address is typed, the duplicate
 * check says whether an erased contact used it; the override checkbox (`overrideSuppression`) is
 * offered to a dpo only.
 */
export function AddEmailFields({ mayOverrideSuppression }: { mayOverrideSuppression: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [address, setAddress] = useState("");
  const [override, setOverride] = useState(false);
  const email = useDebounced(address.trim());
  const complete = emailPattern.test(email);
  const check = useQuery({ ...trpc.persons.checkDuplicates.queryOptions({ email }), enabled: complete });
  const suppressed = complete ? (check.data?.suppressed ?? []) : [];
  return (
    <>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("editPerson.emailAddress")}</span>
        <input
          name="address"
          required
          autoComplete="off"
          type="email"
          maxLength={254}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          className="w-full rounded border border-slate-300 bg-white px-3 py-2"
        />
      </label>
      <SuppressionWarning
        suppressed={suppressed}
        mayOverride={mayOverrideSuppression}
        override={override}
        onOverride={setOverride}
      />
    </>
  );
}

"use client";

import type { Language } from "@purposeful/domain";
import { useState } from "react";
import type { CreatedPerson } from "../persons/create-person-form";
import { ConsentStep, type VisitorMessages } from "./consent-step";
import { PersonLookup } from "./person-lookup";

/**
 * The trade-fair flow: find or create the visitor, let them tick purposes and sign, show the
 * result; "Next person" starts over with nothing of the previous visitor left on screen.
 */
export function SignatureKiosk({
  staffLocale,
  visitorMessages,
}: {
  staffLocale: Language;
  visitorMessages: VisitorMessages;
}) {
  const [person, setPerson] = useState<CreatedPerson | null>(null);
  // A new key per visitor remounts every step, so no input, tick or stroke survives.
  const [round, setRound] = useState(0);
  const next = () => {
    setPerson(null);
    setRound((value) => value + 1);
  };
  if (!person) return <PersonLookup key={round} staffLocale={staffLocale} onChoose={setPerson} />;
  return (
    <ConsentStep
      key={`${round}-${person.id}`}
      person={person}
      fallbackLanguage={staffLocale}
      messages={visitorMessages}
      onOtherPerson={next}
      onNext={next}
    />
  );
}

import { type RequestType, requestTypeArticle } from "@purposeful/domain";
import type { EmailLanguage } from "../components/layout.tsx";

const names: Record<EmailLanguage, Record<RequestType, string>> = {
  de: {
    access: "Auskunft über Ihre Daten",
    rectification: "Berichtigung Ihrer Daten",
    erasure: "Löschung Ihrer Daten",
    restriction: "Einschränkung der Verarbeitung",
    portability: "Herausgabe Ihrer Daten (Datenübertragbarkeit)",
    objection: "Widerspruch gegen die Verarbeitung",
    consent_withdrawal: "Widerruf einer Einwilligung",
  },
  en: {
    access: "Access to your data",
    rectification: "Rectification of your data",
    erasure: "Erasure of your data",
    restriction: "Restriction of processing",
    portability: "A copy of your data to take elsewhere (portability)",
    objection: "Objection to processing",
    consent_withdrawal: "Withdrawal of consent",
  },
};

const law: Record<EmailLanguage, string> = { de: "DSGVO", en: "GDPR" };

/** "Auskunft über Ihre Daten (Art. 15 DSGVO)": a request type in plain words with its article. */
export function requestTypeWords(type: RequestType, language: EmailLanguage): string {
  const article = requestTypeArticle[type];
  const localized = language === "de" ? article.replace(/\((\d+)\)/, " Abs. $1") : article;
  return `${names[language][type]} (${localized} ${law[language]})`;
}

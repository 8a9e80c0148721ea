import type { DataSubjectRight, ReportController } from "@purposeful/domain";
import { authority, contactEn } from "./report-text-parts.ts";

/** The rights of the data subject (Art. 15(1)(e), (f), 12(1)) as the report explains them. */
export const rightsEn = {
  access: {
    title: "Access",
    explain: (c) =>
      `You can ask at any time which data we store about you and receive a copy of it, as with this report – ${contactEn(c)}.`,
  },
  rectification: {
    title: "Rectification",
    explain: (c) =>
      `If data about you is wrong or incomplete, you can have us correct or complete it – ${contactEn(c)}.`,
  },
  erasure: {
    title: "Erasure",
    explain: (c) =>
      `You can have us erase your data when we no longer need it, you withdrew your consent or objected, or it was processed unlawfully, unless a law requires us to keep it – ${contactEn(c)}.`,
  },
  restriction: {
    title: "Restriction of processing",
    explain: (c) =>
      `While, for example, the accuracy of your data or the lawfulness of the processing is disputed, you can have us only store your data and not use it otherwise – ${contactEn(c)}.`,
  },
  portability: {
    title: "Data portability",
    explain: (c) =>
      `You can receive the data you gave us on the basis of consent or a contract in a structured, machine-readable format, or have us send it to another controller – ${contactEn(c)}.`,
  },
  objection: {
    title: "Objection",
    explain: (c) =>
      `On grounds relating to your particular situation you can object to processing based on legitimate interests or a public task; we then stop unless compelling legitimate grounds override your interests – ${contactEn(c)}.`,
  },
  objection_direct_marketing: {
    title: "Objection to direct marketing",
    explain: (c) =>
      `You can object to the use of your data for advertising at any time without giving reasons, and we will stop it – through the link in any of our marketing e-mails or ${contactEn(c)}.`,
  },
  withdraw_consent: {
    title: "Withdrawal of consent",
    explain: (c) =>
      `You can withdraw a consent at any time as easily as you gave it, with effect for the future; what happened until then remains lawful – on your personal page or ${contactEn(c)}.`,
  },
  complaint: {
    title: "Complaint to a supervisory authority",
    explain: (c) =>
      `You can lodge a complaint with a data protection supervisory authority, in particular in the member state where you live or work; the one competent for us is: ${authority(c)}.`,
  },
} satisfies Record<DataSubjectRight, { title: string; explain: (c: ReportController) => string }>;

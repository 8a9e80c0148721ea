import type { DataSubjectRight, ReportController } from "@purposeful/domain";
import { authority, contactDe } from "./report-text-parts.ts";

/** The rights of the data subject (Art. 15(1)(e), (f), 12(1)) as the report explains them. */
export const rightsDe = {
  access: {
    title: "Auskunft",
    explain: (c: ReportController) =>
      `Sie können jederzeit erfragen, welche Daten wir über Sie speichern, und eine Kopie erhalten, so wie mit diesem Schreiben – ${contactDe(c)}.`,
  },
  rectification: {
    title: "Berichtigung",
    explain: (c: ReportController) =>
      `Sind Daten über Sie falsch oder unvollständig, können Sie verlangen, dass wir sie berichtigen oder ergänzen – ${contactDe(c)}.`,
  },
  erasure: {
    title: "Löschung",
    explain: (c: ReportController) =>
      `Sie können verlangen, dass wir Ihre Daten löschen, wenn wir sie nicht mehr brauchen, Sie Ihre Einwilligung widerrufen oder widersprochen haben oder die Verarbeitung unrechtmäßig war, soweit uns kein Gesetz zur Aufbewahrung verpflichtet – ${contactDe(c)}.`,
  },
  restriction: {
    title: "Einschränkung der Verarbeitung",
    explain: (c: ReportController) =>
      `Solange etwa die Richtigkeit Ihrer Daten oder die Rechtmäßigkeit der Verarbeitung strittig ist, können Sie verlangen, dass wir Ihre Daten nur noch speichern und sonst nicht nutzen – ${contactDe(c)}.`,
  },
  portability: {
    title: "Datenübertragbarkeit",
    explain: (c: ReportController) =>
      `Die Daten, die Sie uns aufgrund einer Einwilligung oder eines Vertrags gegeben haben, erhalten Sie auf Wunsch in einem strukturierten, maschinenlesbaren Format oder wir übermitteln sie an einen anderen Verantwortlichen – ${contactDe(c)}.`,
  },
  objection: {
    title: "Widerspruch",
    explain: (c: ReportController) =>
      `Aus Gründen, die sich aus Ihrer besonderen Situation ergeben, können Sie der Verarbeitung auf Grundlage berechtigter Interessen oder einer öffentlichen Aufgabe widersprechen; wir beenden sie dann, es sei denn, zwingende schutzwürdige Gründe überwiegen – ${contactDe(c)}.`,
  },
  objection_direct_marketing: {
    title: "Widerspruch gegen Direktwerbung",
    explain: (c: ReportController) =>
      `Der Nutzung Ihrer Daten für Werbung können Sie jederzeit ohne Begründung widersprechen, und wir stellen sie dann ein – über den Link in jeder unserer Werbe-E-Mails oder ${contactDe(c)}.`,
  },
  withdraw_consent: {
    title: "Widerruf einer Einwilligung",
    explain: (c: ReportController) =>
      `Eine Einwilligung können Sie jederzeit so einfach widerrufen, wie Sie sie erteilt haben, mit Wirkung für die Zukunft; was bis dahin geschah, bleibt rechtmäßig – auf Ihrer persönlichen Seite oder ${contactDe(c)}.`,
  },
  complaint: {
    title: "Beschwerde bei einer Aufsichtsbehörde",
    explain: (c: ReportController) =>
      `Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, insbesondere in dem Mitgliedstaat, in dem Sie wohnen oder arbeiten; für uns zuständig ist: ${authority(c)}.`,
  },
} satisfies Record<DataSubjectRight, { title: string; explain: (c: ReportController) => string }>;

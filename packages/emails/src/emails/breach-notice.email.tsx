import { Heading, Text } from "@react-email/components";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { heading, list, paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface BreachNoticeProps {
  company: CompanySettings;
  salutationName: string;
  /** YYYY-MM-DD: the day the controller became aware of the breach */
  awareOn: string;
  /** what happened, as the DPO described it (Art. 34(2) with 33(3)(a)) */
  nature: string;
  dataCategories: string[];
  /** Art. 34(2) with 33(3)(c); null while not described */
  consequences: string | null;
  /** Art. 34(2) with 33(3)(d): taken or proposed, including what the person can do */
  measures: string | null;
  /** Art. 34(2) with 33(3)(b): the DPO's name and contact details */
  dpo: { name: string; email: string; phone: string; address: string };
}

const texts = {
  de: {
    subject: "Wichtige Information: Ihre Daten waren von einer Datenschutzverletzung betroffen",
    preview: "Wir informieren Sie nach Art. 34 DSGVO über eine Verletzung des Schutzes Ihrer Daten.",
    intro: (day: string) =>
      `wir müssen Ihnen leider mitteilen, dass Ihre personenbezogenen Daten von einer Datenschutzverletzung betroffen sind. Wir haben davon am ${day} erfahren. Damit Sie sich davor schützen können, informieren wir Sie darüber, wie es Art. 34 DSGVO vorsieht.`,
    what: "Was ist passiert?",
    categories: "Betroffen sind diese Arten von Daten:",
    consequences: "Was kann das für Sie bedeuten?",
    measures: "Was wir tun – und was Sie tun können",
    pending: "Das prüfen wir noch. Wir informieren Sie, sobald wir mehr wissen.",
    dpo: "Ihre Ansprechperson",
    dpoIntro:
      "Bei Fragen wenden Sie sich bitte an unsere Datenschutzbeauftragte oder unseren Datenschutzbeauftragten:",
    phone: "Telefon",
    email: "E-Mail",
    sorry: "Wir bedauern diesen Vorfall sehr und tun alles, um Ihre Daten künftig besser zu schützen.",
  },
  en: {
    subject: "Important: your data was affected by a personal data breach",
    preview: "Under Art. 34 GDPR we are telling you about a breach of the security of your data.",
    intro: (day: string) =>
      `we regret to tell you that your personal data was affected by a personal data breach. We became aware of it on ${day}. So that you can protect yourself, we are telling you about it as Art. 34 GDPR provides.`,
    what: "What happened?",
    categories: "These kinds of data are affected:",
    consequences: "What could this mean for you?",
    measures: "What we are doing – and what you can do",
    pending: "We are still looking into this and will tell you as soon as we know more.",
    dpo: "Who to contact",
    dpoIntro: "If you have any questions, please contact our data protection officer:",
    phone: "Phone",
    email: "E-mail",
    sorry: "We are very sorry about this and are doing everything we can to protect your data better.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function breachNoticeSubject(_props: BreachNoticeProps, language: EmailLanguage): string {
  return texts[language].subject;
}

/** Paragraphs as the DPO wrote them, separated by blank lines. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <Text key={p} style={paragraph}>
            {p}
          </Text>
        ))}
    </>
  );
}

/**
 * Art. 34(2) GDPR: in clear and plain language, the nature of the breach, the DPO's name and contact
 * details, the likely consequences and the measures taken or proposed (Art. 33(3)(b)–(d)).
 */
export default function BreachNoticeEmail({
  language = "de",
  ...props
}: BreachNoticeProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const { dpo } = props;
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro(formatDay(props.awareOn, language))}</Text>
      <Heading as="h2" style={heading}>
        {t.what}
      </Heading>
      <Paragraphs text={props.nature} />
      {props.dataCategories.length > 0 ? (
        <>
          <Text style={paragraph}>{t.categories}</Text>
          <ul style={list}>
            {props.dataCategories.map((category) => (
              <li key={category}>{category}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Heading as="h2" style={heading}>
        {t.consequences}
      </Heading>
      <Paragraphs text={props.consequences || t.pending} />
      <Heading as="h2" style={heading}>
        {t.measures}
      </Heading>
      <Paragraphs text={props.measures || t.pending} />
      <Heading as="h2" style={heading}>
        {t.dpo}
      </Heading>
      <Text style={paragraph}>{t.dpoIntro}</Text>
      <Text style={paragraph}>
        {dpo.name}
        {dpo.address ? <br /> : null}
        {dpo.address}
        <br />
        {`${t.email}: ${dpo.email}`}
        {dpo.phone ? <br /> : null}
        {dpo.phone ? `${t.phone}: ${dpo.phone}` : null}
      </Text>
      <Text style={paragraph}>{t.sorry}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

BreachNoticeEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  awareOn: "2026-11-02",
  nature:
    "Unbekannte haben sich Zugang zu unserem Kundenservice-Postfach verschafft und konnten Nachrichten und Kontaktdaten lesen.",
  dataCategories: ["Name und Kontaktdaten", "Inhalte Ihrer Anfragen an den Kundenservice"],
  consequences:
    "Sie könnten E-Mails erhalten, die so aussehen, als kämen sie von uns, und nach Passwörtern oder Zahlungen fragen (Phishing).",
  measures:
    "Wir haben das Postfach gesperrt, alle Zugänge erneuert und die Polizei informiert. Bitte öffnen Sie keine Links in unerwarteten E-Mails und ändern Sie Ihr Passwort, falls Sie es auch anderswo nutzen.",
  dpo: {
    name: "Dr. Dana Datenschutz",
    email: "dsb@muster-maschinenbau.example",
    phone: "+49 40 654321",
    address: "Hafenstraße 12, 20457 Hamburg",
  },
} satisfies BreachNoticeProps & { language: EmailLanguage };

import type { Language } from "@purposeful/domain";
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailLanguage = Language;

/** The sender's identity from settings: every mail names the controller and its privacy contact. */
export interface CompanySettings {
  name: string;
  address: string;
  privacyContact: string;
  /** Art. 13 GDPR: where the full privacy notice is; left out of the footer when empty */
  privacyNoticeUrl?: string;
}

// Art. 13(1)(a), Art. 21(4) GDPR, UWG §7(3) no. 4: every mail names the controller and, clearly and
// apart from the rest, the right to object to direct marketing at any time.
export const footerTexts = {
  de: {
    controller: (c: CompanySettings) =>
      `Verantwortlich: ${c.name} · ${c.address} · Datenschutz: ${c.privacyContact}`,
    privacyNotice: "Datenschutzerklärung",
    objectionHeading: "Ihr Widerspruchsrecht",
    objection: (c: CompanySettings) =>
      `Sie können der Nutzung Ihrer Daten für Werbung jederzeit widersprechen (Art. 21 Abs. 2 DSGVO), formlos per E-Mail an ${c.privacyContact}. Aus Gründen, die sich aus Ihrer besonderen Situation ergeben, können Sie außerdem jeder Verarbeitung widersprechen, die auf berechtigten Interessen beruht (Art. 21 Abs. 1 DSGVO).`,
  },
  en: {
    controller: (c: CompanySettings) =>
      `Controller: ${c.name} · ${c.address} · Data protection: ${c.privacyContact}`,
    privacyNotice: "Privacy notice",
    objectionHeading: "Your right to object",
    objection: (c: CompanySettings) =>
      `You can object to the use of your data for advertising at any time (Art. 21(2) GDPR), informally by e-mail to ${c.privacyContact}. On grounds relating to your particular situation, you can also object to any processing based on legitimate interests (Art. 21(1) GDPR).`,
  },
} satisfies Record<EmailLanguage, unknown>;

const small = { fontSize: "12px", color: "#475569", margin: "8px 0" };

export function Layout(props: {
  language: EmailLanguage;
  preview: string;
  company: CompanySettings;
  children: ReactNode;
}) {
  const t = footerTexts[props.language];
  return (
    <Html lang={props.language}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body
        style={{ backgroundColor: "#f8fafc", fontFamily: "Helvetica, Arial, sans-serif", color: "#0f172a" }}
      >
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={small}>
            <strong>{t.objectionHeading}:</strong> {t.objection(props.company)}
          </Text>
          <Text style={small}>
            {t.controller(props.company)}
            {props.company.privacyNoticeUrl ? (
              <>
                {" · "}
                <Link href={props.company.privacyNoticeUrl} style={{ color: "#475569" }}>
                  {t.privacyNotice}
                </Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

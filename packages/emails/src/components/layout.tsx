import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailLanguage = "de" | "en";

/** The sender's identity from settings: every mail names the controller and its privacy contact. */
export interface CompanySettings {
  name: string;
  address: string;
  privacyContact: string;
}

const footer: Record<EmailLanguage, (company: CompanySettings) => string> = {
  de: (c) => `${c.name} · ${c.address} · Datenschutz: ${c.privacyContact}`,
  en: (c) => `${c.name} · ${c.address} · Data protection: ${c.privacyContact}`,
};

export function Layout(props: {
  language: EmailLanguage;
  preview: string;
  company: CompanySettings;
  children: ReactNode;
}) {
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
          <Text style={{ fontSize: "12px", color: "#475569" }}>{footer[props.language](props.company)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

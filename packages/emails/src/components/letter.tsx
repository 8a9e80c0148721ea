import { Text } from "@react-email/components";
import type { EmailLanguage } from "./layout.tsx";
import { paragraph } from "./styles.ts";

/** The wording every mail shares: the salutation, the sign-off, and the hint under a button. */
export const letterTexts = {
  de: {
    greeting: (name: string) => (name ? `Guten Tag ${name},` : "Guten Tag,"),
    closing: "Freundliche Grüße",
    fallback: "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:",
  },
  en: {
    greeting: (name: string) => (name ? `Hello ${name},` : "Hello,"),
    closing: "Kind regards",
    fallback: "If the button does not work, copy this address into your browser:",
  },
} satisfies Record<EmailLanguage, unknown>;

export function Greeting(props: { language: EmailLanguage; name: string }) {
  return <Text style={paragraph}>{letterTexts[props.language].greeting(props.name)}</Text>;
}

export function SignOff(props: { language: EmailLanguage; companyName: string }) {
  return (
    <Text style={paragraph}>
      {letterTexts[props.language].closing}
      <br />
      {props.companyName}
    </Text>
  );
}

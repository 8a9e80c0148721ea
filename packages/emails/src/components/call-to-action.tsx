import { Button, Link, Section, Text } from "@react-email/components";
import type { EmailLanguage } from "./layout.tsx";
import { letterTexts } from "./letter.tsx";
import { paragraph } from "./styles.ts";

/**
 * A prominent link styled as a button, followed by the raw address for mail clients that hide
 * buttons. White on blue-700 is 6.7:1, above WCAG AA for normal text.
 */
export function CallToAction(props: { href: string; label: string; language: EmailLanguage }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button
        href={props.href}
        style={{
          backgroundColor: "#1d4ed8",
          color: "#ffffff",
          borderRadius: "6px",
          padding: "12px 20px",
          fontSize: "16px",
          fontWeight: 600,
          textDecoration: "none",
        }}
      >
        {props.label}
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#334155" }}>
        {letterTexts[props.language].fallback}
        <br />
        <Link href={props.href} style={{ color: "#1d4ed8", wordBreak: "break-all" }}>
          {props.href}
        </Link>
      </Text>
    </Section>
  );
}

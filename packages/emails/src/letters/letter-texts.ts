import type { Language } from "@purposeful/domain";
import { letterTexts } from "../components/letter.tsx";

/**
 * The consent request as a printed letter: the wording of consent-request.email.tsx, with the button
 * replaced by the printed address and a QR code. Art. 7(2) GDPR: the request is clearly distinguishable
 * and in plain language; Art. 7(3): withdrawing is as easy as giving.
 */
export const consentLetterTexts = {
  de: {
    greeting: letterTexts.de.greeting,
    closing: letterTexts.de.closing,
    subject: "Ihre Einwilligung: bitte kurz bestätigen",
    dateLabel: "Datum",
    why: (company: string) =>
      `wir, die ${company}, möchten Ihre Daten für die unten genannten Zwecke nur nutzen, wenn Sie damit einverstanden sind. Deshalb fragen wir Sie – für jeden Zweck einzeln.`,
    purposesHeading: "Worum wir Sie bitten",
    howToAnswer:
      "Ihre Entscheidung treffen Sie auf Ihrer persönlichen Seite: Scannen Sie den QR-Code mit Ihrem Smartphone oder geben Sie diese Adresse in Ihren Browser ein:",
    freeChoice:
      "Auf der Seite ist nichts vorausgewählt. Sie entscheiden für jeden Zweck selbst, ob Sie zustimmen oder nicht. Wenn Sie nichts tun, nutzen wir Ihre Daten für diese Zwecke nicht.",
    withdraw: (contact: string) =>
      `Sie können eine Einwilligung jederzeit widerrufen – genauso einfach, wie Sie sie erteilt haben, auf Ihrer persönlichen Seite oder per E-Mail an ${contact}. Der Widerruf gilt für die Zukunft; was bis dahin geschehen ist, bleibt rechtmäßig.`,
    expiry: (day: string) =>
      `Der Link ist persönlich und gilt bis zum ${day}. Bitte geben Sie diesen Brief nicht weiter.`,
    sheet: (page: number, of: number) => `Seite ${page} von ${of}`,
  },
  en: {
    greeting: letterTexts.en.greeting,
    closing: letterTexts.en.closing,
    subject: "Your consent: a quick question",
    dateLabel: "Date",
    why: (company: string) =>
      `we at ${company} only want to use your data for the purposes below if you agree. That is why we are asking you – separately for each purpose.`,
    purposesHeading: "What we are asking for",
    howToAnswer:
      "You make your choice on your personal page: scan the QR code with your smartphone or type this address into your browser:",
    freeChoice:
      "Nothing is ticked in advance. You decide for each purpose whether you agree or not. If you do nothing, we will not use your data for these purposes.",
    withdraw: (contact: string) =>
      `You can withdraw your consent at any time – just as easily as you gave it, on your personal page or by e-mail to ${contact}. Withdrawal applies from then on; what happened before remains lawful.`,
    expiry: (day: string) =>
      `This link is personal and works until ${day}. Please do not pass this letter on.`,
    sheet: (page: number, of: number) => `Page ${page} of ${of}`,
  },
} satisfies Record<Language, unknown>;

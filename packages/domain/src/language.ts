/** The languages of the portal, the microsite, the mails and the purpose texts. */
export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

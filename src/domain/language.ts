/** Languages of everything a user reads: Polish first, English available. */
export const languages = ['pl', 'en'] as const;
export type Lang = (typeof languages)[number];

/** A text a user reads, in every supported language. */
export type Localized = Readonly<Record<Lang, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than silently empty. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Lang = 'sv' | 'en';
export const languages: readonly Lang[] = ['sv', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

type Catalogue = Record<string, string | ((...args: never[]) => string)>;

/**
 * A constant UI text written by us, with no markup and no user data, so a view may render it
 * without escaping. `'safe'` is the type @kitajs/ts-html-plugin's XSS scan accepts as trusted.
 * Text functions stay `string`: what they interpolate may come from users and must be escaped.
 */
export type TrustedText = 'safe';
type Trusted<T extends Catalogue> = { [K in keyof T]: T[K] extends string ? TrustedText : T[K] };

/**
 * A feature's UI texts. Swedish is the source language; the English catalogue must have exactly
 * the same keys, which the type checker enforces.
 */
export function defineTexts<T extends Catalogue>(texts: { sv: T; en: { [K in keyof T]: T[K] } }) {
  return (lang: Lang): Trusted<T> => texts[lang] as Trusted<T>;
}

/**
 * The language attribute for text that exists only in Swedish (county pages, source wording) when
 * the page itself is in another language.
 */
export function swedishOnly(pageLang: Lang): 'sv' | undefined {
  return pageLang === 'sv' ? undefined : 'sv';
}

import type { AssessCategory } from '../domain/assess-categories.ts';

export type KeywordRule = { stem: string; category: AssessCategory };

/**
 * Stems of Polish words that show a special category of data in prose, folded to lower case without diacritics
 * (ł → l). A word counts when it begins with a stem. Every stem begins with four ASCII letters: the byte scanner
 * picks candidate words by those four bytes, which are the same in UTF-8, Windows-1250 and ISO-8859-2.
 * Sources: art. 9(1) RODO (health, including disability — motyw 35; religion, ethnic origin, trade unions,
 * political opinions, genetic and biometric data, sex life) and art. 10 RODO (convictions and offences).
 */
export const keywordRules: readonly KeywordRule[] = [
  { stem: 'niepelnospraw', category: 'health' },
  { stem: 'diagnoz', category: 'health' },
  { stem: 'leczeni', category: 'health' },
  { stem: 'leczon', category: 'health' },
  { stem: 'schorzeni', category: 'health' },
  { stem: 'chorob', category: 'health' },
  { stem: 'rozpoznani', category: 'health' },
  { stem: 'szpital', category: 'health' },
  { stem: 'hospitaliz', category: 'health' },
  { stem: 'lekarsk', category: 'health' },
  { stem: 'nowotw', category: 'health' },
  { stem: 'cukrzyc', category: 'health' },
  { stem: 'depresj', category: 'health' },
  { stem: 'psychiatr', category: 'health' },
  { stem: 'terapi', category: 'health' },
  { stem: 'wyznani', category: 'special' },
  { stem: 'religi', category: 'special' },
  { stem: 'etniczn', category: 'special' },
  { stem: 'orientacj', category: 'special' },
  { stem: 'seksualn', category: 'special' },
  { stem: 'biometr', category: 'special' },
  { stem: 'genetyczn', category: 'special' },
  { stem: 'polityczn', category: 'special' },
  { stem: 'skazan', category: 'criminal' },
  { stem: 'karaln', category: 'criminal' },
  { stem: 'niekaraln', category: 'criminal' },
  { stem: 'kryminaln', category: 'criminal' },
];

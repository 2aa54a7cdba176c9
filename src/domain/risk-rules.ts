import type { AssessCategory } from './assess-categories.ts';
import type { Localized } from './language.ts';

/**
 * The rules of the risk engine as data. Sources: GDPR art. 33–34; EDPB Guidelines 9/2022 on personal data breach
 * notification and 01/2021 on examples; the NSA judgment and UODO practice of seed 002 (a "low" score without a
 * written reason is what UODO fines; PESEL, financial and health data presume risk); seed 004 (power cut restored
 * from backup needs no notification); ../shared/DOMAIN.md.
 *
 * Levels are ordinal: 0 unlikely, 1 risk, 2 high.
 */
export const riskLevels = ['unlikely', 'risk', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export type LevelIndex = 0 | 1 | 2;

/** Thresholds the rules use; chosen by us, not by the law, and named in the reasons so a DPO sees them. */
export const riskThresholds = {
  /** From this many people a breach counts as large scale (no legal figure; EDPB 9/2022 para. 107 "volume"). */
  largeScaleSubjects: 1000,
  /** Unavailability up to this many hours, restored from backup, is "quick restore" (seed 004, power cut). */
  quickRestoreHours: 24,
} as const;

/** How much a category of data weighs when it is disclosed (confidentiality), with the presumption's words. */
export const confidentialityPresumptions: Record<
  AssessCategory,
  { level: LevelIndex; reason: Localized | null }
> = {
  'national-id': {
    level: 2,
    reason: {
      pl: 'Naruszenie obejmuje numery identyfikacyjne (PESEL, seria i numer dowodu osobistego, paszportu lub NIP). Pozwalają one podszyć się pod te osoby, np. zaciągnąć pożyczkę lub zawrzeć umowę na ich dane (kradzież tożsamości) — domniemanie wysokiego ryzyka.',
      en: 'The breach concerns identification numbers (PESEL, ID card, passport or NIP). They let others impersonate these people, e.g. take a loan or sign a contract in their name (identity theft): high risk is presumed.',
    },
  },
  health: {
    level: 2,
    reason: {
      pl: 'Naruszenie obejmuje dane dotyczące zdrowia (w tym o niepełnosprawności), czyli szczególną kategorię danych (art. 9 RODO). Ich ujawnienie może prowadzić do dyskryminacji, naruszenia dobrego imienia i szkody niemajątkowej — domniemanie wysokiego ryzyka.',
      en: 'The breach concerns health data (including disability), a special category of data (GDPR art. 9). Their disclosure can lead to discrimination, damage to reputation and non-material harm: high risk is presumed.',
    },
  },
  special: {
    level: 2,
    reason: {
      pl: 'Naruszenie obejmuje szczególne kategorie danych (art. 9 RODO: pochodzenie, poglądy, przekonania, przynależność związkowa, dane genetyczne lub biometryczne, seksualność). Ich ujawnienie może prowadzić do dyskryminacji i poważnej szkody niemajątkowej — domniemanie wysokiego ryzyka.',
      en: 'The breach concerns special categories of data (GDPR art. 9: origin, opinions, beliefs, trade union membership, genetic or biometric data, sex life). Their disclosure can lead to discrimination and serious non-material harm: high risk is presumed.',
    },
  },
  criminal: {
    level: 2,
    reason: {
      pl: 'Naruszenie obejmuje dane o wyrokach skazujących lub czynach zabronionych (art. 10 RODO). Ich ujawnienie grozi stygmatyzacją i utratą dobrego imienia — domniemanie wysokiego ryzyka.',
      en: 'The breach concerns data on criminal convictions or offences (GDPR art. 10). Their disclosure risks stigma and loss of reputation: high risk is presumed.',
    },
  },
  financial: {
    level: 1,
    reason: {
      pl: 'Naruszenie obejmuje dane finansowe (rachunek bankowy, karta, dochody, zadłużenie, świadczenia) — grozi strata finansowa; co najmniej ryzyko.',
      en: 'The breach concerns financial data (bank account, card, income, debts, benefits): financial loss is possible; at least risk.',
    },
  },
  credentials: {
    level: 1,
    reason: {
      pl: 'Naruszenie obejmuje loginy lub hasła — pozwalają przejąć konta i uzyskać dostęp do dalszych danych; co najmniej ryzyko.',
      en: 'The breach concerns logins or passwords: they allow accounts to be taken over and further data to be reached; at least risk.',
    },
  },
  identification: { level: 1, reason: null },
  contact: { level: 1, reason: null },
  location: { level: 1, reason: null },
  behavioural: { level: 1, reason: null },
  other: { level: 1, reason: null },
};

/** Combinations that weigh more than their parts. */
export const confidentialityCombinations: readonly {
  all: readonly AssessCategory[];
  level: LevelIndex;
  reason: Localized;
}[] = [
  {
    all: ['financial', 'identification'],
    level: 2,
    reason: {
      pl: 'Dane finansowe razem z danymi identyfikującymi osobę umożliwiają oszustwo lub wyłudzenie — domniemanie wysokiego ryzyka (por. sprawę ubezpieczyciela ukaranego przez Prezesa UODO kwotą 159 176 zł za niezgłoszenie takiego naruszenia: NSA przyznał rację Prezesowi UODO co do obowiązku zgłoszenia i zawiadomienia, a sprawa wróciła do WSA).',
      en: 'Financial data together with data identifying the person enable fraud: high risk is presumed (cf. the insurer fined PLN 159,176 by UODO for not notifying such a breach: the NSA agreed with UODO on the duty to notify and to inform the person, and returned the case to the administrative court).',
    },
  },
];

/** Labels of the `assess` words used inside reasons. */
export const assessCategoryLabels: Record<AssessCategory, Localized> = {
  identification: {
    pl: 'dane identyfikacyjne (imię, nazwisko, data urodzenia)',
    en: 'identification data (name, date of birth)',
  },
  contact: { pl: 'dane kontaktowe (adres, telefon, e-mail)', en: 'contact data (address, phone, e-mail)' },
  'national-id': {
    pl: 'numery identyfikacyjne (PESEL, dowód osobisty, paszport, NIP)',
    en: 'identification numbers (PESEL, ID card, passport, NIP)',
  },
  financial: { pl: 'dane finansowe', en: 'financial data' },
  credentials: { pl: 'dane logowania (loginy, hasła)', en: 'credentials (logins, passwords)' },
  location: { pl: 'dane o lokalizacji', en: 'location data' },
  behavioural: {
    pl: 'dane o zachowaniach i treść komunikacji',
    en: 'behavioural data and content of communications',
  },
  health: { pl: 'dane o zdrowiu', en: 'health data' },
  special: {
    pl: 'szczególne kategorie danych (art. 9 RODO)',
    en: 'special categories of data (GDPR art. 9)',
  },
  criminal: {
    pl: 'dane o wyrokach i czynach zabronionych (art. 10 RODO)',
    en: 'criminal data (GDPR art. 10)',
  },
  other: { pl: 'inne dane osobowe', en: 'other personal data' },
};

/** Every sentence the engine can say, by code; `{placeholders}` are filled in by the engine. */
export const riskTexts = {
  ordinaryDisclosure: {
    pl: 'Ujawnienie danych osobowych ({categories}) osobom nieuprawnionym oznacza utratę kontroli nad nimi — co najmniej ryzyko naruszenia praw lub wolności (wyrok NSA: wystarczy samo ryzyko, nie musi się ono zmaterializować).',
    en: 'Disclosure of personal data ({categories}) to unauthorised persons means loss of control over them: at least a risk to rights and freedoms (NSA judgment: the risk suffices, it need not materialise).',
  },
  categoriesUnknown: {
    pl: 'Nie wskazano kategorii danych — przyjęto ostrożnie, że ujawniono dane pozwalające zidentyfikować osoby (co najmniej ryzyko). Uzupełnij kategorie danych.',
    en: 'No categories of data were given: it is cautiously assumed that data identifying people were disclosed (at least risk). Fill in the categories of data.',
  },
  vulnerable: {
    pl: 'Naruszenie dotyczy osób szczególnie narażonych (dzieci, pacjenci, klienci pomocy społecznej, osoby zależne) — poziom ryzyka podwyższony o jeden stopień.',
    en: 'The breach concerns vulnerable people (children, patients, social-assistance clients, dependent persons): the risk level is raised by one step.',
  },
  malicious: {
    pl: 'Zdarzenie było działaniem umyślnym (atak, kradzież, złe zamiary), więc wykorzystanie danych jest prawdopodobne — poziom ryzyka podwyższony o jeden stopień.',
    en: 'The event was intentional (attack, theft, bad intent), so misuse of the data is likely: the risk level is raised by one step.',
  },
  largeScale: {
    pl: 'Naruszenie dotyczy około {subjects} osób (duża skala: co najmniej {threshold}) — poziom ryzyka podwyższony o jeden stopień.',
    en: 'The breach concerns about {subjects} people (large scale: {threshold} or more): the risk level is raised by one step.',
  },
  subjectsUnknown: {
    pl: 'Liczba osób, których dotyczy naruszenie, nie jest znana — przyjęto ostrożnie, że może być duża, i podwyższono poziom ryzyka o jeden stopień. Uzupełnij przybliżoną liczbę osób, gdy będzie znana.',
    en: 'The number of people concerned is unknown: it is cautiously assumed to be large and the risk level is raised by one step. Fill in the approximate number when known.',
  },
  encryptedSafe: {
    pl: 'Dane były zaszyfrowane zgodnie z aktualnym stanem techniki, a klucz lub hasło nie zostały ujawnione — dane są nieczytelne dla osób nieuprawnionych, więc ryzyko dla poufności jest mało prawdopodobne.',
    en: 'The data were encrypted to the state of the art and the key or password was not exposed: the data are unintelligible to unauthorised persons, so a risk to confidentiality is unlikely.',
  },
  encryptedKeyUnknown: {
    pl: 'Dane były zaszyfrowane, ale nie potwierdzono, że klucz lub hasło pozostały bezpieczne — szyfrowania nie uwzględniono (odczyt ostrożny).',
    en: 'The data were encrypted, but it was not confirmed that the key or password stayed safe: the encryption is not taken into account (cautious reading).',
  },
  encryptedKeyCompromised: {
    pl: 'Dane były zaszyfrowane, ale klucz lub hasło również zostały ujawnione — szyfrowanie ich nie chroni.',
    en: 'The data were encrypted, but the key or password was exposed too: the encryption does not protect them.',
  },
  recipientTrusted: {
    pl: 'Dane trafiły wyłącznie do znanego, zaufanego odbiorcy (np. pracownika zobowiązanego do poufności lub partnera, który potwierdził ich usunięcie) — poziom ryzyka obniżony o jeden stopień.',
    en: 'The data went only to a known, trusted recipient (e.g. an employee bound to confidentiality or a partner who confirmed deletion): the risk level is lowered by one step.',
  },
  recipientTrustedButMalicious: {
    pl: 'Przy działaniu umyślnym odbiorcy nie można uznać za zaufanego — tego złagodzenia nie uwzględniono.',
    en: 'With an intentional act the recipient cannot be regarded as trusted: this mitigation is not taken into account.',
  },
  dataRecovered: {
    pl: 'Dane odzyskano lub odbiorca usunął je z zapewnieniem, zanim mogły zostać wykorzystane — poziom ryzyka obniżony o jeden stopień.',
    en: 'The data were recovered, or deleted by the recipient with assurance, before they could be misused: the risk level is lowered by one step.',
  },
  integrityBase: {
    pl: 'Dane zostały zmienione bez uprawnienia (naruszenie integralności) — decyzje podjęte na podstawie błędnych danych mogą szkodzić osobom; co najmniej ryzyko.',
    en: 'The data were altered without authorisation (integrity breach): decisions taken on wrong data can harm people; at least risk.',
  },
  integrityHealth: {
    pl: 'Zmienione dane dotyczą zdrowia — błędne dane medyczne mogą prowadzić do uszczerbku na zdrowiu; poziom ryzyka podwyższony o jeden stopień.',
    en: 'The altered data concern health: wrong medical data can cause physical harm; the risk level is raised by one step.',
  },
  integrityBackup: {
    pl: 'Poprawne dane można odtworzyć z aktualnej kopii zapasowej — poziom ryzyka dla integralności obniżony o jeden stopień.',
    en: 'The correct data can be restored from an up-to-date backup: the integrity risk level is lowered by one step.',
  },
  backupUnknown: {
    pl: 'Nie potwierdzono aktualnej kopii zapasowej — przyjęto, że danych nie da się szybko odtworzyć (odczyt ostrożny).',
    en: 'No up-to-date backup was confirmed: it is assumed the data cannot be restored quickly (cautious reading).',
  },
  availabilityQuick: {
    pl: 'Dane były niedostępne przez około {hours} godz. i przywrócono je z aktualnej kopii zapasowej (nie dłużej niż {threshold} godz.) — ryzyko dla praw lub wolności wynikające z niedostępności jest mało prawdopodobne (np. krótka przerwa w zasilaniu).',
    en: 'The data were unavailable for about {hours} hours and restored from an up-to-date backup (no more than {threshold} hours): a risk to rights and freedoms from the unavailability is unlikely (e.g. a short power cut).',
  },
  availabilityLasting: {
    pl: 'Dane są lub były niedostępne {duration} — utrata dostępności może uniemożliwić realizację praw tych osób (np. wypłatę świadczeń, udzielenie świadczeń zdrowotnych); co najmniej ryzyko.',
    en: 'The data are or were unavailable {duration}: the loss of availability can prevent these people from exercising their rights (e.g. payment of benefits, healthcare); at least risk.',
  },
  durationLong: { pl: 'dłużej niż {threshold} godz.', en: 'for more than {threshold} hours' },
  durationUnknown: { pl: 'przez czas, którego jeszcze nie znamy', en: 'for a time not yet known' },
  durationNoBackup: {
    pl: 'bez aktualnej kopii zapasowej, z której można je odtworzyć',
    en: 'with no up-to-date backup to restore them from',
  },
  availabilityHealth: {
    pl: 'Niedostępne dane dotyczą zdrowia — brak dostępu może opóźnić lub uniemożliwić leczenie; poziom ryzyka podwyższony o jeden stopień.',
    en: 'The unavailable data concern health: lack of access can delay or prevent treatment; the risk level is raised by one step.',
  },
  availabilityMaliciousNote: {
    pl: 'Przy działaniu umyślnym (np. oprogramowanie szyfrujące dla okupu) nie można wykluczyć, że dane zostały także wykradzione, więc przyjęto co najmniej ryzyko. Jeśli ustalono, że poufność nie została naruszona (formularz UODO, pkt 4C a), możesz odstąpić od oceny z pisemnym uzasadnieniem; jeśli dane wykradziono, zaznacz również naruszenie poufności.',
    en: 'With an intentional act (e.g. ransomware) exfiltration cannot be ruled out, so at least a risk is assumed. If it was established that confidentiality was not breached (UODO form 4C a), you may depart from the assessment with a written reason; if data were exfiltrated, mark a confidentiality breach too.',
  },
  conclusionUnlikely: {
    pl: 'Wniosek: jest mało prawdopodobne, by naruszenie skutkowało ryzykiem naruszenia praw lub wolności osób fizycznych — zgłoszenie do Prezesa UODO nie jest wymagane (art. 33 ust. 1 RODO). Naruszenie wpisz do rejestru naruszeń wraz z tym uzasadnieniem (art. 33 ust. 5).',
    en: 'Conclusion: the breach is unlikely to result in a risk to the rights and freedoms of natural persons; notification to UODO is not required (GDPR art. 33(1)). Record the breach in the register with this reasoning (art. 33(5)).',
  },
  conclusionRisk: {
    pl: 'Wniosek: naruszenie może skutkować ryzykiem naruszenia praw lub wolności osób fizycznych — zgłoś je Prezesowi UODO bez zbędnej zwłoki, w miarę możliwości w ciągu 72 godzin od stwierdzenia (art. 33 ust. 1 RODO). Ryzyko nie jest wysokie, więc zawiadomienie osób nie jest wymagane (art. 34 ust. 1). Wpisz naruszenie do rejestru (art. 33 ust. 5).',
    en: 'Conclusion: the breach may result in a risk to the rights and freedoms of natural persons; notify UODO without undue delay and where feasible within 72 hours of becoming aware (GDPR art. 33(1)). The risk is not high, so communication to the data subjects is not required (art. 34(1)). Record the breach in the register (art. 33(5)).',
  },
  conclusionHigh: {
    pl: 'Wniosek: naruszenie może powodować wysokie ryzyko naruszenia praw lub wolności osób fizycznych — zgłoś je Prezesowi UODO w ciągu 72 godzin od stwierdzenia (art. 33 ust. 1 RODO) i bez zbędnej zwłoki zawiadom osoby, których dane dotyczą (art. 34 ust. 1). Wpisz naruszenie do rejestru (art. 33 ust. 5).',
    en: 'Conclusion: the breach is likely to result in a high risk to the rights and freedoms of natural persons; notify UODO within 72 hours of becoming aware (GDPR art. 33(1)) and communicate the breach to the data subjects without undue delay (art. 34(1)). Record the breach in the register (art. 33(5)).',
  },
  exemptionA: {
    pl: 'Zawiadomienie osób nie jest wymagane: zastosowane zabezpieczenia (szyfrowanie) uczyniły dane nieczytelnymi dla osób nieuprawnionych (art. 34 ust. 3 lit. a RODO).',
    en: 'Communication to the data subjects is not required: the protection applied (encryption) made the data unintelligible to unauthorised persons (GDPR art. 34(3)(a)).',
  },
  exemptionB: {
    pl: 'Zawiadomienie osób nie jest wymagane: środki zastosowane po naruszeniu (odzyskanie lub usunięcie danych przed ich wykorzystaniem) wyeliminowały prawdopodobieństwo wysokiego ryzyka (art. 34 ust. 3 lit. b RODO).',
    en: 'Communication to the data subjects is not required: measures taken after the breach (data recovered or deleted before misuse) removed the likelihood of high risk (GDPR art. 34(3)(b)).',
  },
  exemptionC: {
    pl: 'Indywidualne zawiadomienie wymagałoby niewspółmiernie dużego wysiłku — zamiast listów wydaj komunikat publiczny lub zastosuj podobny, równie skuteczny środek (art. 34 ust. 3 lit. c RODO).',
    en: 'Individual communication would involve disproportionate effort: instead of letters, issue a public communication or a similar, equally effective measure (GDPR art. 34(3)(c)).',
  },
} as const satisfies Record<string, Localized>;

export type RiskTextCode = keyof typeof riskTexts | `presumption:${AssessCategory}` | 'combination';

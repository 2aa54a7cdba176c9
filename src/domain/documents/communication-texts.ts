/**
 * What a communication to the people (art. 34(2) RODO, art. 34(3)(c) for the public communication) tells them,
 * as data: the plain name of each category of data, the likely consequences it brings and the advice on what the
 * person can do. Sources: GDPR art. 34(2) with art. 33(3)(b)–(d); seed 000 (the Białystok welfare centre's
 * communication: credit-bureau accounts and alerts, care with e-mails and calls, reporting identity theft, civil-law
 * protection; the consequences list: loans in non-bank institutions, access to healthcare by PESEL, contracts and
 * prepaid cards, marketing, reputation); seed 002 (UODO's expectations: plain language, what the person can do
 * themselves, e.g. changing passwords, watching for suspicious e-mails); the PESEL reservation register (ustawa
 * z 7.7.2023 o zmianie ustaw w celu ograniczania niektórych skutków kradzieży tożsamości: mObywatel, gov.pl or any
 * municipal office); the "Dokumenty Zastrzeżone" system of the Polish Bank Association for ID documents.
 *
 * Texts address the reader through `{nom}`, `{gen}`, `{dat}`, `{acc}`, `{can}`, `{have}` so the same sentence
 * works for "Pani", "Pan" and "Państwo" (see communication-audience.ts).
 */
import type { DataCategory } from '../data-categories.ts';
import type { Localized } from '../language.ts';

/** Plain, lower-case names of the data for the list "Jakich danych dotyczy?". */
export const plainDataLabels: Record<DataCategory, Localized> = {
  names: { pl: 'imię i nazwisko', en: 'first name and surname' },
  'parents-names': { pl: 'imiona rodziców', en: "parents' first names" },
  'birth-date': { pl: 'data urodzenia', en: 'date of birth' },
  'bank-account': { pl: 'numer rachunku bankowego', en: 'bank account number' },
  address: { pl: 'adres zamieszkania lub pobytu', en: 'home or residence address' },
  pesel: { pl: 'numer PESEL', en: 'PESEL number' },
  email: { pl: 'adres e-mail', en: 'e-mail address' },
  credentials: { pl: 'login i/lub hasło', en: 'login and/or password' },
  'earnings-assets': { pl: 'informacje o zarobkach lub majątku', en: 'information on earnings or assets' },
  'mothers-maiden-name': { pl: 'nazwisko rodowe matki', en: "mother's maiden name" },
  'id-card': { pl: 'seria i numer dowodu osobistego', en: 'ID card series and number' },
  phone: { pl: 'numer telefonu', en: 'phone number' },
  image: { pl: 'wizerunek (zdjęcie)', en: 'image (photograph)' },
  'other-basic': { pl: 'inne dane', en: 'other data' },
  passport: { pl: 'numer paszportu', en: 'passport number' },
  nip: { pl: 'numer NIP', en: 'tax identification number (NIP)' },
  'payment-card': { pl: 'numer karty płatniczej', en: 'payment card number' },
  'benefits-debts': {
    pl: 'informacje o świadczeniach, zadłużeniu lub alimentach',
    en: 'information on benefits, debts or maintenance',
  },
  location: { pl: 'dane o lokalizacji', en: 'location data' },
  behavioural: { pl: 'treść korespondencji lub dane o zwyczajach', en: 'content of messages or habits' },
  'racial-ethnic-origin': { pl: 'informacje o pochodzeniu', en: 'information on origin' },
  'political-opinions': { pl: 'informacje o poglądach politycznych', en: 'political opinions' },
  'religious-beliefs': { pl: 'informacje o przekonaniach religijnych', en: 'religious beliefs' },
  'trade-union': { pl: 'informacja o przynależności do związku zawodowego', en: 'trade union membership' },
  'sex-life': { pl: 'informacje o życiu seksualnym lub orientacji', en: 'sex life or orientation' },
  health: {
    pl: 'informacje o zdrowiu (w tym o niepełnosprawności)',
    en: 'health information (including disability)',
  },
  genetic: { pl: 'dane genetyczne', en: 'genetic data' },
  biometric: { pl: 'dane biometryczne (np. odcisk palca)', en: 'biometric data (e.g. fingerprint)' },
  convictions: { pl: 'informacje o wyrokach skazujących', en: 'criminal convictions' },
  offences: { pl: 'informacje o czynach zabronionych', en: 'offences' },
  'other-criminal': { pl: 'inne dane o postępowaniach karnych', en: 'other criminal-law data' },
};

type Advice = { id: string; text: Localized };
type CategoryTexts = { consequences: readonly Advice[]; advice: readonly Advice[] };

const consequence = {
  loans: {
    id: 'loans',
    text: {
      pl: 'zaciągnięcia na {gen} dane pożyczki lub kredytu — zwłaszcza w firmach pozabankowych, które udzielają ich przez internet lub telefon bez okazania dowodu osobistego,',
      en: 'taking out a loan or credit in {gen} name, especially from non-bank lenders that lend online or by phone without seeing an ID card,',
    },
  },
  contracts: {
    id: 'contracts',
    text: {
      pl: 'zawarcia na {gen} dane umowy (np. na telefon, internet lub telewizję) albo zarejestrowania karty SIM na kartę i pozostawienia długów lub użycia jej do przestępstwa,',
      en: 'signing a contract (e.g. phone, internet or TV) or registering a prepaid SIM card in {gen} name and leaving debts or using it for crime,',
    },
  },
  healthcare: {
    id: 'healthcare',
    text: {
      pl: 'podszycia się pod {acc} w przychodni lub urzędzie, gdzie tożsamość potwierdza się telefonicznie numerem PESEL,',
      en: 'impersonating {acc} at a clinic or office where identity is confirmed by phone with the PESEL number,',
    },
  },
  idDocument: {
    id: 'id-document',
    text: {
      pl: 'posłużenia się danymi {gen} dokumentu tożsamości przy zawieraniu umowy lub wyłudzeniu pożyczki,',
      en: 'using {gen} identity document details to sign a contract or obtain a loan,',
    },
  },
  impersonation: {
    id: 'impersonation',
    text: {
      pl: 'podszycia się pod {acc} w rozmowie telefonicznej lub korespondencji (takie dane bywają pytaniami weryfikacyjnymi),',
      en: 'impersonating {acc} on the phone or in writing (such data are often used as security questions),',
    },
  },
  phishing: {
    id: 'phishing',
    text: {
      pl: 'wysyłania {dat} fałszywych e-maili lub SMS-ów albo dzwonienia do {gen} przez osoby podające się za bank, urząd, kuriera lub nas, aby wyłudzić pieniądze, hasła lub kody,',
      en: 'sending {dat} fake e-mails or text messages, or calling {acc}, pretending to be a bank, an office, a courier or us, to obtain money, passwords or codes,',
    },
  },
  marketing: {
    id: 'marketing',
    text: {
      pl: 'kierowania do {gen} niechcianej reklamy bez {gen} zgody,',
      en: 'sending {dat} unwanted advertising without {gen} consent,',
    },
  },
  financialFraud: {
    id: 'financial-fraud',
    text: {
      pl: 'prób wyłudzenia pieniędzy z {gen} rachunku lub karty, np. wiadomościami podszywającymi się pod bank,',
      en: 'attempts to take money from {gen} account or card, e.g. by messages pretending to be the bank,',
    },
  },
  financialSituation: {
    id: 'financial-situation',
    text: {
      pl: 'ujawnienia osobom postronnym informacji o {gen} sytuacji finansowej, co może narazić na utratę dobrego imienia lub próby oszustwa,',
      en: 'revealing {gen} financial situation to others, which can harm {gen} reputation or invite fraud attempts,',
    },
  },
  accounts: {
    id: 'accounts',
    text: {
      pl: 'zalogowania się na {gen} konta i uzyskania dostępu do kolejnych danych lub pieniędzy,',
      en: 'logging in to {gen} accounts and reaching further data or money,',
    },
  },
  health: {
    id: 'health',
    text: {
      pl: 'ujawnienia osobom postronnym informacji o {gen} zdrowiu, co może prowadzić do dyskryminacji lub naruszenia dobrego imienia,',
      en: 'revealing {gen} health information to others, which can lead to discrimination or damage to reputation,',
    },
  },
  special: {
    id: 'special',
    text: {
      pl: 'ujawnienia informacji szczególnie chronionych (np. o poglądach, przekonaniach lub życiu prywatnym), co może prowadzić do dyskryminacji,',
      en: 'revealing specially protected information (e.g. opinions, beliefs or private life), which can lead to discrimination,',
    },
  },
  criminal: {
    id: 'criminal',
    text: {
      pl: 'ujawnienia informacji o postępowaniach karnych lub wyrokach, co może prowadzić do stygmatyzacji i utraty dobrego imienia,',
      en: 'revealing information on criminal proceedings or convictions, which can lead to stigma and loss of reputation,',
    },
  },
  image: {
    id: 'image',
    text: {
      pl: 'wykorzystania {gen} wizerunku bez {gen} zgody,',
      en: 'using {gen} image without {gen} consent,',
    },
  },
  location: {
    id: 'location',
    text: { pl: 'ustalenia miejsc, w których {nom} bywa,', en: 'finding out where {nom} go,' },
  },
  behavioural: {
    id: 'behavioural',
    text: {
      pl: 'poznania treści {gen} korespondencji lub {gen} zwyczajów,',
      en: 'learning the content of {gen} messages or {gen} habits,',
    },
  },
  reputation: {
    id: 'reputation',
    text: { pl: 'naruszenia {gen} dobrego imienia.', en: 'damage to {gen} reputation.' },
  },
} as const satisfies Record<string, Advice>;

const advice = {
  peselReservation: {
    id: 'pesel-reservation',
    text: {
      pl: 'zastrzec numer PESEL — najszybciej w aplikacji mObywatel lub na stronie gov.pl, a także osobiście w dowolnym urzędzie gminy. Zastrzeżenie jest bezpłatne i można je w każdej chwili cofnąć; bank nie udzieli kredytu na zastrzeżony numer,',
      en: 'reserve (zastrzec) the PESEL number: quickest in the mObywatel app or on gov.pl, or in person at any municipal office. It is free and can be lifted at any time; banks will not lend on a reserved number,',
    },
  },
  creditAlerts: {
    id: 'credit-alerts',
    text: {
      pl: 'założyć konto w Biurze Informacji Kredytowej (BIK) lub w innym biurze informacji gospodarczej (np. BIG InfoMonitor, KRD, ERIF) i włączyć alerty (SMS, e-mail) o zapytaniach kredytowych na {gen} dane,',
      en: 'open an account with the Credit Information Bureau (BIK) or another information bureau (e.g. BIG InfoMonitor, KRD, ERIF) and switch on alerts (text, e-mail) about credit enquiries in {gen} name,',
    },
  },
  loansCare: {
    id: 'loans-care',
    text: {
      pl: 'sprawdzać, czy nikt nie zaciągnął zobowiązań na {gen} dane, a w razie podejrzenia niezwłocznie zawiadomić pożyczkodawcę i Policję,',
      en: 'check that nobody has taken out loans in {gen} name and, if in doubt, tell the lender and the Police at once,',
    },
  },
  idCard: {
    id: 'id-card',
    text: {
      pl: 'zgłosić dowód osobisty w systemie Dokumenty Zastrzeżone (w dowolnym banku lub na dokumentyzastrzezone.gov.pl) i rozważyć jego unieważnienie oraz wymianę na nowy w urzędzie gminy,',
      en: 'register the ID card in the "Dokumenty Zastrzeżone" system (at any bank or on dokumentyzastrzezone.gov.pl) and consider cancelling it and getting a new one at the municipal office,',
    },
  },
  passport: {
    id: 'passport',
    text: {
      pl: 'rozważyć unieważnienie paszportu i wystąpienie o nowy,',
      en: 'consider cancelling the passport and applying for a new one,',
    },
  },
  bank: {
    id: 'bank',
    text: {
      pl: 'skontaktować się ze swoim bankiem (a kartę płatniczą — zastrzec), zapytać o dodatkowe zabezpieczenia i uważnie sprawdzać wyciągi,',
      en: 'contact {gen} bank (and block the payment card), ask about extra safeguards and check statements carefully,',
    },
  },
  passwords: {
    id: 'passwords',
    text: {
      pl: 'zmienić hasło — u nas i wszędzie tam, gdzie używa {nom} tego samego hasła — oraz włączyć logowanie dwuetapowe (2FA),',
      en: 'change the password, with us and wherever {nom} use the same one, and switch on two-factor authentication (2FA),',
    },
  },
  phishing: {
    id: 'phishing',
    text: {
      pl: 'zachować ostrożność wobec e-maili, SMS-ów i telefonów od nieznanych osób lub podających się za bank, urząd, kuriera albo nas: nie klikać w linki, nie podawać haseł ani kodów, a w razie wątpliwości oddzwonić na znany numer,',
      en: 'be careful with e-mails, texts and calls from strangers or from people claiming to be a bank, an office, a courier or us: do not click links or give passwords or codes; if in doubt, call back on a number {nom} know,',
    },
  },
  mail: {
    id: 'mail',
    text: {
      pl: 'zwracać uwagę na nietypową korespondencję, np. wezwania do zapłaty za nieznane umowy,',
      en: 'watch for unusual post, e.g. payment demands for unknown contracts,',
    },
  },
  health: {
    id: 'health',
    text: {
      pl: 'w sprawie danych o zdrowiu po {gen} stronie nie są potrzebne żadne działania; prosimy jednak o ostrożność wobec telefonów i wiadomości od osób podających się za przychodnię, szpital lub NFZ, a z pytaniami — o kontakt z naszym inspektorem ochrony danych,',
      en: 'for the health data, nothing is needed on {gen} side; please be careful with calls and messages from people claiming to be a clinic, a hospital or the NFZ, and contact our data protection officer with any question,',
    },
  },
  sensitive: {
    id: 'sensitive',
    text: {
      pl: 'z pytaniami o ujawnione informacje szczególnie chronione zwrócić się do naszego inspektora ochrony danych — pomożemy ocenić, czy potrzebne są dalsze kroki,',
      en: 'ask our data protection officer about the specially protected information disclosed; we will help judge whether further steps are needed,',
    },
  },
  financialCare: {
    id: 'financial-care',
    text: {
      pl: 'zachować ostrożność wobec osób, które — powołując się na {gen} sytuację finansową lub świadczenia — proponują pomoc albo żądają zapłaty,',
      en: 'be careful with people who, citing {gen} finances or benefits, offer help or demand payment,',
    },
  },
} as const satisfies Record<string, Advice>;

/** Always offered, after the advice chosen by the data (seed 000). */
export const generalAdvice: readonly Advice[] = [
  {
    id: 'police',
    text: {
      pl: 'w razie próby wykorzystania {gen} danych — zawiadomić Policję, aby zapobiec tzw. kradzieży tożsamości,',
      en: 'if anyone tries to use {gen} data, tell the Police, to prevent identity theft,',
    },
  },
  {
    id: 'civil-law',
    text: {
      pl: 'skorzystać ze środków ochrony dóbr osobistych przewidzianych w Kodeksie cywilnym oraz wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych (art. 77 RODO).',
      en: 'use the remedies for personal rights under the Civil Code and lodge a complaint with the President of the Personal Data Protection Office (GDPR art. 77).',
    },
  },
];

/** When no category gives a specific consequence. */
export const generalConsequence: Advice = {
  id: 'loss-of-control',
  text: {
    pl: 'utraty kontroli nad {gen} danymi osobowymi,',
    en: 'loss of control over {gen} personal data,',
  },
};

const identity: CategoryTexts = { consequences: [consequence.impersonation], advice: [advice.phishing] };
const special: CategoryTexts = { consequences: [consequence.special], advice: [advice.sensitive] };
const criminal: CategoryTexts = { consequences: [consequence.criminal], advice: [advice.sensitive] };

/** Consequences and advice per category of data, in the order they are shown. */
export const categoryTexts: Record<DataCategory, CategoryTexts> = {
  pesel: {
    consequences: [consequence.loans, consequence.contracts, consequence.healthcare],
    advice: [advice.peselReservation, advice.creditAlerts, advice.loansCare],
  },
  'id-card': {
    consequences: [consequence.idDocument, consequence.loans],
    advice: [advice.idCard, advice.creditAlerts],
  },
  passport: { consequences: [consequence.idDocument], advice: [advice.passport, advice.creditAlerts] },
  nip: { consequences: [consequence.contracts], advice: [advice.creditAlerts] },
  'bank-account': { consequences: [consequence.financialFraud], advice: [advice.bank, advice.phishing] },
  'payment-card': { consequences: [consequence.financialFraud], advice: [advice.bank] },
  'earnings-assets': { consequences: [consequence.financialSituation], advice: [advice.financialCare] },
  'benefits-debts': { consequences: [consequence.financialSituation], advice: [advice.financialCare] },
  credentials: { consequences: [consequence.accounts], advice: [advice.passwords, advice.phishing] },
  email: { consequences: [consequence.phishing, consequence.marketing], advice: [advice.phishing] },
  phone: { consequences: [consequence.phishing, consequence.marketing], advice: [advice.phishing] },
  address: { consequences: [consequence.phishing], advice: [advice.mail] },
  names: identity,
  'parents-names': identity,
  'birth-date': identity,
  'mothers-maiden-name': identity,
  image: { consequences: [consequence.image], advice: [] },
  'other-basic': { consequences: [], advice: [] },
  location: { consequences: [consequence.location], advice: [] },
  behavioural: { consequences: [consequence.behavioural], advice: [advice.phishing] },
  health: { consequences: [consequence.health, consequence.healthcare], advice: [advice.health] },
  'racial-ethnic-origin': special,
  'political-opinions': special,
  'religious-beliefs': special,
  'trade-union': special,
  'sex-life': special,
  genetic: special,
  biometric: special,
  convictions: criminal,
  offences: criminal,
  'other-criminal': criminal,
};

/** Reputation closes the list whenever something more than contact data was disclosed (seed 000, last point). */
export const reputationConsequence: Advice = consequence.reputation;

import type { Localized } from './language.ts';

/**
 * How a breach is classified on UODO's notification form, section 4 (../shared/UODO-FORM.md), labels in the form's
 * words. Breach types (4E) are those of seed 004 and art. 4(12) RODO; one breach can be of several types.
 */

/** 4E: confidentiality, integrity, availability. */
export const breachTypeDefinitions = [
  {
    id: 'confidentiality',
    label: { pl: 'Naruszenie poufności danych', en: 'Confidentiality breach' },
    hint: {
      pl: 'nieuprawnione lub przypadkowe ujawnienie bądź udostępnienie danych',
      en: 'unauthorised or accidental disclosure of, or access to, data',
    },
  },
  {
    id: 'integrity',
    label: { pl: 'Naruszenie integralności danych', en: 'Integrity breach' },
    hint: {
      pl: 'wprowadzenie nieuprawnionych zmian podczas odczytu, zapisu, transmisji lub przechowywania',
      en: 'unauthorised alteration while reading, writing, transmitting or storing',
    },
  },
  {
    id: 'availability',
    label: { pl: 'Naruszenie dostępności danych', en: 'Availability breach' },
    hint: {
      pl: 'brak możliwości wykorzystania danych na żądanie, w założonym czasie, przez osobę do tego uprawnioną',
      en: 'data cannot be used on demand, in the expected time, by an authorised person',
    },
  },
] as const satisfies readonly { id: string; label: Localized; hint: Localized }[];

export type BreachType = (typeof breachTypeDefinitions)[number]['id'];
export const breachTypes = breachTypeDefinitions.map((d) => d.id) as readonly BreachType[];

/** 4B: the thirteen kinds of event, letters a–m as on the form. */
export const eventKindDefinitions = [
  {
    id: 'lost-stolen-device',
    letter: 'a',
    label: { pl: 'Zgubienie lub kradzież nośnika/urządzenia', en: 'Loss or theft of a carrier/device' },
  },
  {
    id: 'paper-lost-stolen-unsecured',
    letter: 'b',
    label: {
      pl: 'Dokumentacja papierowa (zawierająca dane osobowe) zgubiona, skradziona lub pozostawiona w niezabezpieczonej lokalizacji',
      en: 'Paper documents (containing personal data) lost, stolen or left in an unsecured place',
    },
  },
  {
    id: 'postal-mail-lost-opened',
    letter: 'c',
    label: {
      pl: 'Korespondencja papierowa utracona przez operatora pocztowego lub otwarta przed zwróceniem jej do nadawcy',
      en: 'Paper mail lost by the postal operator or opened before being returned to the sender',
    },
  },
  {
    id: 'unauthorised-access',
    letter: 'd',
    label: { pl: 'Nieuprawnione uzyskanie dostępu do informacji', en: 'Unauthorised access to information' },
  },
  {
    id: 'unauthorised-access-hacking',
    letter: 'e',
    label: {
      pl: 'Nieuprawnione uzyskanie dostępu do informacji poprzez złamanie zabezpieczeń',
      en: 'Unauthorised access to information by breaking security',
    },
  },
  {
    id: 'malware',
    letter: 'f',
    label: {
      pl: 'Złośliwe oprogramowanie ingerujące w poufność, integralność lub dostępność danych',
      en: 'Malware affecting confidentiality, integrity or availability of data',
    },
  },
  {
    id: 'phishing',
    letter: 'g',
    label: {
      pl: 'Uzyskanie poufnych informacji przez pozornie zaufaną osobę w oficjalnej komunikacji elektronicznej, takiej jak e-mail czy komunikator internetowy (phishing)',
      en: 'Confidential information obtained by a seemingly trusted person in electronic communication such as e-mail or instant messaging (phishing)',
    },
  },
  {
    id: 'improper-anonymisation',
    letter: 'h',
    label: {
      pl: 'Nieprawidłowa anonimizacja danych osobowych w dokumencie',
      en: 'Improper anonymisation of personal data in a document',
    },
  },
  {
    id: 'improper-disposal',
    letter: 'i',
    label: {
      pl: 'Nieprawidłowe usunięcie/zniszczenie danych osobowych z nośnika/urządzenia elektronicznego przed jego zbyciem przez administratora',
      en: 'Improper deletion/destruction of personal data on a carrier/device before the controller disposed of it',
    },
  },
  {
    id: 'unintended-publication',
    letter: 'j',
    label: { pl: 'Niezamierzona publikacja', en: 'Unintended publication' },
  },
  {
    id: 'wrong-recipient',
    letter: 'k',
    label: {
      pl: 'Dane osobowe wysłane do niewłaściwego odbiorcy',
      en: 'Personal data sent to the wrong recipient',
    },
  },
  {
    id: 'wrong-person-data-disclosed',
    letter: 'l',
    label: { pl: 'Ujawnienie danych niewłaściwej osoby', en: "Disclosure of the wrong person's data" },
  },
  {
    id: 'verbal-disclosure',
    letter: 'm',
    label: { pl: 'Ustne ujawnienie danych osobowych', en: 'Verbal disclosure of personal data' },
  },
] as const satisfies readonly { id: string; letter: string; label: Localized }[];

export type EventKind = (typeof eventKindDefinitions)[number]['id'];
export const eventKinds = eventKindDefinitions.map((d) => d.id) as readonly EventKind[];

/** 4D: the cause, internal or external, intentional or not. */
export const causeDefinitions = [
  {
    id: 'internal-unintentional',
    malicious: false,
    label: { pl: 'Wewnętrzne działanie niezamierzone', en: 'Internal, unintentional' },
  },
  {
    id: 'internal-intentional',
    malicious: true,
    label: { pl: 'Wewnętrzne działanie zamierzone', en: 'Internal, intentional' },
  },
  {
    id: 'external-unintentional',
    malicious: false,
    label: { pl: 'Zewnętrzne działanie niezamierzone', en: 'External, unintentional' },
  },
  {
    id: 'external-intentional',
    malicious: true,
    label: { pl: 'Zewnętrzne działanie zamierzone', en: 'External, intentional' },
  },
] as const satisfies readonly { id: string; malicious: boolean; label: Localized }[];

export type Cause = (typeof causeDefinitions)[number]['id'];
export const causes = causeDefinitions.map((d) => d.id) as readonly Cause[];

/** The `malicious` fact that follows from a known cause (an intentional act is malicious, seed 002 criteria). */
export function isMaliciousCause(cause: Cause): boolean {
  return causeDefinitions.find((d) => d.id === cause)!.malicious;
}

import type { Localized } from './language.ts';

/**
 * The typical situations in which an employee must tell the DPO (seed 003 §2 ust. 2, a–p), rewritten as a
 * reporter's checklist in plain words. A report ticks any of them; none is required.
 */
export const reportSituationDefinitions = [
  {
    id: 'break-in-traces',
    letter: 'a',
    label: {
      pl: 'Ślady włamania lub próby włamania (drzwi, okna, szafy)',
      en: 'Signs of a break-in or attempted break-in (doors, windows, cabinets)',
    },
  },
  {
    id: 'documents-not-shredded',
    letter: 'b',
    label: {
      pl: 'Dokumenty wyrzucone bez zniszczenia w niszczarce',
      en: 'Documents thrown away without shredding',
    },
  },
  {
    id: 'suspicious-persons',
    letter: 'c',
    label: {
      pl: 'Osoby zachowujące się podejrzanie w budynku lub pomieszczeniach',
      en: 'People behaving suspiciously in the building or rooms',
    },
  },
  {
    id: 'open-storage',
    letter: 'd',
    label: {
      pl: 'Otwarte drzwi, szafy, biurka lub archiwa z danymi osobowymi',
      en: 'Open doors, cabinets, desks or archives with personal data',
    },
  },
  {
    id: 'workstation-left-unsecured',
    letter: 'e',
    label: {
      pl: 'Niewylogowany komputer, wydruki w drukarce lub ksero, niezamknięte pomieszczenie, brak kopii zapasowej',
      en: 'Computer left logged in, prints left in a printer or copier, room left unlocked, backup not made',
    },
  },
  {
    id: 'screen-visible',
    letter: 'f',
    label: {
      pl: 'Monitor ustawiony tak, że osoby postronne widzą dane',
      en: 'A screen that outsiders can read',
    },
  },
  {
    id: 'data-taken-outside',
    letter: 'g',
    label: {
      pl: 'Wynoszenie danych (papierowych lub elektronicznych) poza firmę bez zgody',
      en: 'Data (paper or electronic) taken outside without authorisation',
    },
  },
  {
    id: 'data-disclosed',
    letter: 'h',
    label: {
      pl: 'Ujawnienie danych osobie nieupoważnionej (na piśmie, e-mailem, ustnie)',
      en: 'Data disclosed to an unauthorised person (paper, e-mail, verbally)',
    },
  },
  {
    id: 'unauthorised-modification',
    letter: 'i',
    label: {
      pl: 'Zmiana danych lub próba zmiany bez uprawnień',
      en: 'Data changed, or an attempt to change them, without authorisation',
    },
  },
  {
    id: 'phone-phishing',
    letter: 'j',
    label: { pl: 'Telefoniczna próba wyłudzenia danych', en: 'A phone call trying to obtain data' },
  },
  {
    id: 'theft-of-computers',
    letter: 'k',
    label: { pl: 'Kradzież komputera lub dysku z danymi', en: 'Theft of a computer or disk with data' },
  },
  {
    id: 'copy-lost',
    letter: 'l',
    label: {
      pl: 'Utrata kontroli nad kopią danych (zgubiony pendrive, dysk, teczka)',
      en: 'Lost control of a copy of data (lost USB stick, disk, folder)',
    },
  },
  {
    id: 'phishing-email',
    letter: 'm',
    label: {
      pl: 'E-mail nakłaniający do podania loginu lub hasła',
      en: 'An e-mail asking for a login or password',
    },
  },
  {
    id: 'virus',
    letter: 'n',
    label: { pl: 'Wirus lub dziwne zachowanie komputera', en: 'A virus or a computer behaving strangely' },
  },
  {
    id: 'unauthorised-accounts',
    letter: 'o',
    label: {
      pl: 'Nieznane konta dostępu do danych lub „tylna furtka”',
      en: 'Unknown accounts with access to data, or a "back door"',
    },
  },
  {
    id: 'passwords-near-computer',
    letter: 'p',
    label: { pl: 'Hasła zapisane przy komputerze', en: 'Passwords written down near the computer' },
  },
] as const satisfies readonly { id: string; letter: string; label: Localized }[];

export type ReportSituation = (typeof reportSituationDefinitions)[number]['id'];
export const reportSituations = reportSituationDefinitions.map((d) => d.id) as readonly ReportSituation[];

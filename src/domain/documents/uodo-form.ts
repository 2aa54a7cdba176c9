/**
 * UODO's breach notification form ("Zgłoszenie naruszenia ochrony danych osobowych", art. 33 RODO), sections 1–11,
 * with every field label in the form's own Polish words, as data. Source: ../shared/UODO-FORM.md (transcribed
 * from the form on biznes.gov.pl / ePUAP); the English labels are our translation for `--lang en`. The generated
 * notification and the web app's copy view walk this table, so a DPO pastes value after value into the e-form.
 */
import type { Localized } from '../language.ts';

export const uodoFormSections = {
  '1': { pl: '1. Typ zgłoszenia', en: '1. Type of notification' },
  '2A': { pl: '2A. Dane administratora danych', en: '2A. The controller' },
  '2B': { pl: '2B. Adres siedziby administratora danych', en: "2B. The controller's registered address" },
  '2C': {
    pl: '2C. Osoby uprawnione do reprezentowania administratora',
    en: '2C. Persons authorised to represent the controller',
  },
  '2D': { pl: '2D. Pełnomocnik', en: '2D. Proxy' },
  '2E': { pl: '2E. Inspektor ochrony danych', en: '2E. Data protection officer' },
  '2F': {
    pl: '2F. Inne podmioty uczestniczące w przetwarzaniu danych, których dotyczy naruszenie',
    en: '2F. Other entities involved in the processing concerned',
  },
  '3A': {
    pl: '3A. Wykrycie naruszenia i powiadomienie organu nadzorczego',
    en: '3A. Detection of the breach and notification of the supervisory authority',
  },
  '3B': { pl: '3B. Czas naruszenia', en: '3B. Time of the breach' },
  '4A': { pl: '4A. Opis naruszenia', en: '4A. Description of the breach' },
  '4B': { pl: '4B. Na czym polegało naruszenie?', en: '4B. What happened?' },
  '4C': { pl: '4C. Działanie złośliwego oprogramowania', en: '4C. Malware' },
  '4D': { pl: '4D. Przyczyna naruszenia', en: '4D. Cause of the breach' },
  '4E': { pl: '4E. Charakter naruszenia', en: '4E. Nature of the breach' },
  '4F': { pl: '4F. Dzieci', en: '4F. Children' },
  '5': { pl: '5. Liczba osób i wpisów', en: '5. Number of people and records' },
  '6': { pl: '6. Kategorie danych osobowych', en: '6. Categories of personal data' },
  '7': { pl: '7. Kategorie osób', en: '7. Categories of data subjects' },
  '8': { pl: '8. Możliwe konsekwencje', en: '8. Likely consequences' },
  '9': {
    pl: '9. Środki bezpieczeństwa i środki zaradcze',
    en: '9. Security measures and remedial measures',
  },
  '10': {
    pl: '10. Czy osoby, których dane dotyczą, zostały zawiadomione o naruszeniu?',
    en: '10. Have the data subjects been informed of the breach?',
  },
  '11': { pl: '11. Przetwarzanie transgraniczne', en: '11. Cross-border processing' },
  /** Not part of UODO's e-form: what seed 003 Załącznik 3 (the internal template of a notification) adds. */
  Z3: {
    pl: 'Informacje dodatkowe (wzór zgłoszenia — Załącznik nr 3 procedury)',
    en: 'Additional information (notification template, Annex 3 of the procedure)',
  },
} as const satisfies Record<string, Localized>;

export type UodoFormSection = keyof typeof uodoFormSections;

type FieldDefinition = { section: UodoFormSection; label: Localized };

export const uodoFormFields = {
  ownReference: {
    section: '1',
    label: { pl: 'Podaj swoją sygnaturę sprawy (opcjonalnie)', en: 'Your own case reference (optional)' },
  },
  notificationType: { section: '1', label: { pl: 'Typ zgłoszenia', en: 'Type of notification' } },
  plannedCompletionDate: {
    section: '1',
    label: {
      pl: 'Podaj przybliżoną datę uzupełnienia zgłoszenia (opcjonalnie)',
      en: 'Approximate date of the supplementary notification (optional)',
    },
  },
  previousNotificationDate: {
    section: '1',
    label: {
      pl: 'Podaj datę poprzedniego zgłoszenia (opcjonalnie)',
      en: 'Date of the previous notification (optional)',
    },
  },
  uodoCaseReference: {
    section: '1',
    label: { pl: 'Podaj sygnaturę sprawy UODO', en: "UODO's case reference" },
  },
  otherSupervisoryAuthority: {
    section: '1',
    label: {
      pl: 'Naruszenie zostało lub zostanie zgłoszone organowi ochrony danych osobowych w innym państwie',
      en: 'The breach has been or will be notified to a data protection authority in another country',
    },
  },
  otherSupervisoryAuthorityName: {
    section: '1',
    label: { pl: 'Jeśli tak, podaj w jakim.', en: 'If so, which.' },
  },
  otherBodies: {
    section: '1',
    label: {
      pl: 'Naruszenie zostało lub zostanie zgłoszone innym organom np. Policja, CSIRT NASK, CSIRT GOV, CSIRT MON',
      en: 'The breach has been or will be reported to other bodies, e.g. Police, CSIRT NASK, CSIRT GOV, CSIRT MON',
    },
  },
  otherBodiesNames: { section: '1', label: { pl: 'Podaj nazwy tych organów', en: 'Names of those bodies' } },
  otherBodiesReference: {
    section: '1',
    label: {
      pl: 'Podaj numer/sygnaturę zgłoszenia do innego organu',
      en: 'Number/reference of the report to the other body',
    },
  },
  controllerName: {
    section: '2A',
    label: { pl: 'Pełna nazwa administratora', en: "Controller's full name" },
  },
  regon: { section: '2A', label: { pl: 'REGON (opcjonalnie)', en: 'REGON (optional)' } },
  nip: { section: '2A', label: { pl: 'NIP (opcjonalnie)', en: 'NIP (optional)' } },
  krs: { section: '2A', label: { pl: 'KRS (opcjonalnie)', en: 'KRS (optional)' } },
  sector: { section: '2A', label: { pl: 'Sektor (opcjonalnie)', en: 'Sector (optional)' } },
  street: { section: '2B', label: { pl: 'Ulica', en: 'Street' } },
  building: { section: '2B', label: { pl: 'Numer domu', en: 'Building number' } },
  unit: { section: '2B', label: { pl: 'Numer lokalu', en: 'Unit number' } },
  city: { section: '2B', label: { pl: 'Miejscowość', en: 'Town' } },
  postalCode: { section: '2B', label: { pl: 'Kod pocztowy', en: 'Postal code' } },
  voivodeship: { section: '2B', label: { pl: 'Województwo', en: 'Voivodeship' } },
  county: { section: '2B', label: { pl: 'Powiat', en: 'County' } },
  commune: { section: '2B', label: { pl: 'Gmina', en: 'Commune' } },
  country: { section: '2B', label: { pl: 'Państwo', en: 'Country' } },
  representative: {
    section: '2C',
    label: { pl: 'Imię i nazwisko, Stanowisko', en: 'Name, position' },
  },
  proxy: {
    section: '2D',
    label: {
      pl: 'Wniosek wypełniany przez pełnomocnika (opcjonalnie)',
      en: 'Filed by a proxy (optional)',
    },
  },
  dpoName: { section: '2E', label: { pl: 'Imię i nazwisko', en: 'Name' } },
  dpoPhone: { section: '2E', label: { pl: 'Numer telefonu', en: 'Phone number' } },
  dpoEmail: { section: '2E', label: { pl: 'Adres e-mail', en: 'E-mail address' } },
  dpoNotAppointed: {
    section: '2E',
    label: { pl: 'Inspektor nie został wyznaczony', en: 'No DPO has been appointed' },
  },
  contactPoint: {
    section: '2E',
    label: {
      pl: 'Inny punkt kontaktowy, od którego można uzyskać więcej informacji',
      en: 'Other contact point where more information can be obtained',
    },
  },
  otherEntity: {
    section: '2F',
    label: { pl: 'Nazwa i dane kontaktowe, Rola', en: 'Name and contact details, role' },
  },
  awareAt: { section: '3A', label: { pl: 'Data stwierdzenia naruszenia', en: 'Date of becoming aware' } },
  detectionMethod: {
    section: '3A',
    label: { pl: 'Sposób stwierdzenia naruszenia', en: 'How the breach was discovered' },
  },
  processorNotifiedAt: {
    section: '3A',
    label: {
      pl: 'Data powiadomienia przez podmiot przetwarzający (opcjonalnie)',
      en: 'Date the processor informed the controller (optional)',
    },
  },
  lateReason: {
    section: '3A',
    label: {
      pl: 'Powody opóźnienia powiadomienia organu nadzorczego o naruszeniu',
      en: 'Reasons for the delay in notifying the supervisory authority',
    },
  },
  startedAt: {
    section: '3B',
    label: {
      pl: 'Data i czas zaistnienia/rozpoczęcia naruszenia',
      en: 'Date and time the breach occurred/started',
    },
  },
  endedAt: {
    section: '3B',
    label: {
      pl: 'Data i czas zakończenia naruszenia (opcjonalnie)',
      en: 'Date and time the breach ended (optional)',
    },
  },
  description: {
    section: '4A',
    label: {
      pl: 'Opisz szczegółowo na czym polegało naruszenie',
      en: 'Describe in detail what the breach consisted of',
    },
  },
  eventKinds: { section: '4B', label: { pl: 'Na czym polegało naruszenie?', en: 'What happened?' } },
  malwareConfidentiality: {
    section: '4C',
    label: {
      pl: 'Jeśli naruszono wyłącznie dostępność, w jaki sposób ustalono, że nie naruszono poufności',
      en: 'If only availability was breached, how was it established that confidentiality was not',
    },
  },
  malwareRansom: {
    section: '4C',
    label: {
      pl: 'Czy i w jaki sposób złośliwe oprogramowanie żądało zapłaty (nazwa, sposób żądania)',
      en: 'Whether and how the malware demanded payment (its name, how)',
    },
  },
  malwareBackup: {
    section: '4C',
    label: {
      pl: 'Czy istniała kopia zapasowa i ile trwało przywrócenie danych',
      en: 'Was there a backup and how long did restoring take',
    },
  },
  cause: { section: '4D', label: { pl: 'Przyczyna naruszenia', en: 'Cause of the breach' } },
  breachTypes: { section: '4E', label: { pl: 'Charakter naruszenia', en: 'Nature of the breach' } },
  children: {
    section: '4F',
    label: {
      pl: 'Naruszenie dotyczy przetwarzania danych w związku ze świadczeniem usług społeczeństwa informacyjnego oferowanych bezpośrednio dziecku.',
      en: 'The breach concerns processing in connection with information society services offered directly to a child.',
    },
  },
  subjectsApprox: {
    section: '5',
    label: {
      pl: 'Przybliżona liczba osób, których dotyczy naruszenie',
      en: 'Approximate number of data subjects concerned',
    },
  },
  recordsApprox: {
    section: '5',
    label: {
      pl: 'Przybliżona liczba wpisów danych osobowych, których dotyczy naruszenie.',
      en: 'Approximate number of personal data records concerned.',
    },
  },
  basicData: { section: '6', label: { pl: '6A. Dane podstawowe', en: '6A. Basic data' } },
  basicDataOther: { section: '6', label: { pl: 'Inne, wskaż jakie:', en: 'Other, specify:' } },
  specialData: {
    section: '6',
    label: { pl: '6B. Dane szczególnej kategorii', en: '6B. Special categories of data' },
  },
  criminalData: {
    section: '6',
    label: { pl: '6C. Dane, o których mowa w art. 10 RODO', en: '6C. Data referred to in GDPR art. 10' },
  },
  criminalDataOther: { section: '6', label: { pl: 'Inne', en: 'Other' } },
  subjectCategories: { section: '7', label: { pl: 'Kategorie osób', en: 'Categories of people' } },
  subjectsDescription: {
    section: '7',
    label: {
      pl: 'Szczegółowy opis kategorii osób, których dotyczy naruszenie:',
      en: 'Detailed description of the categories of people concerned:',
    },
  },
  consequences: {
    section: '8',
    label: {
      pl: 'Uszczerbek fizyczny, majątkowy, niemajątkowy lub inne znaczące konsekwencje dla osoby, której dane dotyczą',
      en: 'Physical, material, non-material damage or other significant consequences for the data subject',
    },
  },
  consequencesOther: { section: '8', label: { pl: 'Inne', en: 'Other' } },
  highRisk: {
    section: '8',
    label: {
      pl: 'Czy wystąpiło wysokie ryzyko naruszenia praw lub wolności osób fizycznych?',
      en: 'Is there a high risk to the rights or freedoms of natural persons?',
    },
  },
  highRiskReason: { section: '8', label: { pl: 'Uzasadnienie', en: 'Reasons' } },
  measuresBefore: {
    section: '9',
    label: {
      pl: 'Ogólny opis technicznych i organizacyjnych środków bezpieczeństwa dotychczas stosowanych',
      en: 'General description of the technical and organisational security measures applied so far',
    },
  },
  measuresPrevent: {
    section: '9',
    label: {
      pl: 'Środki bezpieczeństwa zastosowane lub proponowane w celu zminimalizowania ryzyka ponownego wystąpienia naruszenia',
      en: 'Security measures taken or proposed to minimise the risk of the breach recurring',
    },
  },
  measuresMitigate: {
    section: '9',
    label: {
      pl: 'Środki zastosowane lub proponowane w celu zaradzenia naruszeniu i zminimalizowania negatywnych skutków dla osób, których dane dotyczą',
      en: 'Measures taken or proposed to address the breach and mitigate its adverse effects on the data subjects',
    },
  },
  subjectsInformed: {
    section: '10',
    label: {
      pl: 'Czy osoby, których dane dotyczą, zostały zawiadomione o naruszeniu?',
      en: 'Have the data subjects been informed?',
    },
  },
  individually: { section: '10', label: { pl: 'Czy indywidualnie?', en: 'Individually?' } },
  communicationDate: {
    section: '10',
    label: { pl: 'Wskaż datę zawiadomienia', en: 'Date of the communication' },
  },
  plannedCommunicationDate: {
    section: '10',
    label: { pl: 'Wskaż datę planowanego zawiadomienia', en: 'Planned date of the communication' },
  },
  numberNotified: {
    section: '10',
    label: { pl: 'Liczba zawiadomionych osób', en: 'Number of people informed' },
  },
  communicationChannels: {
    section: '10',
    label: {
      pl: 'Środki komunikacji wykorzystywane do zawiadomienia osoby, której dane dotyczą',
      en: 'Means of communication used to inform the data subject',
    },
  },
  communicationContent: {
    section: '10',
    label: {
      pl: 'Umieść zanonimizowaną treść zawiadomienia, którą przesłałeś bądź zamierzasz przesłać do osób, których dane dotyczą',
      en: 'The anonymised text of the communication sent or to be sent to the data subjects',
    },
  },
  crossBorder: {
    section: '11',
    label: { pl: 'Naruszenie ma charakter transgraniczny', en: 'The breach is cross-border' },
  },
  crossBorderCountries: {
    section: '11',
    label: { pl: 'Państwa, których dotyczy naruszenie', en: 'Countries concerned' },
  },
  breachDateTime: {
    section: 'Z3',
    label: { pl: 'Data i godzina naruszenia', en: 'Date and hour of the breach' },
  },
  people: {
    section: 'Z3',
    label: {
      pl: 'Osoba powiadamiająca o naruszeniu oraz inne osoby zaangażowane lub odpytane w związku z naruszeniem (imię, nazwisko, stanowisko służbowe)',
      en: 'Person who reported the breach and others involved or questioned (name, position)',
    },
  },
  location: {
    section: 'Z3',
    label: {
      pl: 'Lokalizacja zdarzenia (nr pokoju, nazwa pomieszczenia, określenie komputerowego stanowiska roboczego, nazwa programu lub aplikacji itp.)',
      en: 'Location (room, workstation, program or application)',
    },
  },
  actionsTaken: { section: 'Z3', label: { pl: 'Podjęte działania', en: 'Actions taken' } },
  initialCauses: {
    section: 'Z3',
    label: {
      pl: 'Wstępna ocena przyczyn wystąpienia naruszenia',
      en: 'Initial assessment of the causes',
    },
  },
} as const satisfies Record<string, FieldDefinition>;

export type UodoFormFieldId = keyof typeof uodoFormFields;

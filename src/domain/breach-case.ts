/**
 * A breach as the API returns it and as documents read it (`incydent render KIND CASE.json`): one schema, so a
 * breach is defined once. It can fill every field of UODO's notification form (../shared/UODO-FORM.md; the
 * section numbers are in the comments) and the three templates of seed 003 (Załącznik 1 internal report,
 * Załącznik 2 register of incidents and corrective actions, Załącznik 3 notification).
 * Times are ISO 8601 instants in JSON; calendar dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { exemptionCodes } from './assess-breach.ts';
import { breachTypes, causes, eventKinds } from './breach-classification.ts';
import { breachFactsSchema } from './breach-facts.ts';
import { breachStatuses } from './breach-workflow.ts';
import { consequences } from './consequences.ts';
import { dataCategories } from './data-categories.ts';
import { deadlineStates } from './notification-deadline.ts';
import { reportSituations } from './report-situations.ts';
import { riskLevels } from './risk-rules.ts';
import { subjectCategories } from './subject-categories.ts';
import { communicationChannels, communicationDecisions } from './subject-communication.ts';
import { notificationChannels, notificationPhases } from './supervisory-notification.ts';

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
const text = z.string().trim().max(20_000);
const shortText = z.string().trim().max(500);
const optionalText = text.nullable().default(null);
const optionalShort = shortText.nullable().default(null);
const optionalInstant = isoDateTime.nullable().default(null);

/** Sector of the controller (form 2A): public or private, with the form's list of sectors. */
export const publicSectors = [
  'Administracja rządowa',
  'Przedsiębiorstwa państwowe',
  'Wymiar sprawiedliwości',
  'Prokuratura',
  'Służby mundurowe i służby specjalne',
  'Krajowa administracja skarbowa',
  'Samorząd terytorialny',
  'Szkoły, przedszkola, żłobki',
  'Uczelnie wyższe',
  'Służba zdrowia',
  'Instytucje badawcze',
  'Instytucje kultury',
  'Sport i rekreacja',
  'Media publiczne',
  'Partie polityczne',
  'Lasy państwowe',
  'Inne',
] as const;
export const privateSectors = [
  'Szkoły, przedszkola, żłobki',
  'Uczelnie wyższe',
  'Handel',
  'Marketing',
  'Nieruchomości',
  'Przemysł',
  'Dostawa energii',
  'Finanse i bankowość',
  'Ubezpieczenia',
  'Transport',
  'Motoryzacja',
  'Turystyka',
  'Stowarzyszenia i fundacje',
  'Służba zdrowia',
  'Sztuka i kultura',
  'Nauka i instytuty badawcze',
  'Telekomunikacja',
  'Sport i rekreacja',
  'Zatrudnienie',
  'Samorządy zawodowe',
  'Media',
  'Usługi IT',
  'Rolnictwo, leśnictwo, rybołówstwo',
  'Inne',
] as const;

export const addressSchema = z.object({
  street: optionalShort,
  building: optionalShort,
  unit: optionalShort,
  city: optionalShort,
  postalCode: optionalShort,
  voivodeship: optionalShort,
  county: optionalShort,
  commune: optionalShort,
  country: shortText.default('Polska'),
});

/** The controller (form 2A–2E). */
export const organisationSchema = z.object({
  id: z.string(),
  name: shortText.min(1),
  regon: optionalShort,
  nip: optionalShort,
  krs: optionalShort,
  sector: z
    .object({ kind: z.enum(['public', 'private']), name: shortText })
    .nullable()
    .default(null),
  address: addressSchema.default(addressSchema.parse({})),
  /** 2C: persons authorised to represent the controller. */
  representatives: z.array(z.object({ name: shortText, position: shortText })).default([]),
  /** 2E: the DPO; null with `contactPoint` when no DPO was appointed. */
  dpo: z.object({ name: shortText, phone: optionalShort, email: optionalShort }).nullable().default(null),
  contactPoint: optionalText,
});

export const personSchema = z.object({
  name: shortText,
  role: optionalShort,
  involvement: z.enum(['reporter', 'involved', 'questioned', 'witness']),
});

/** What the reporter wrote (seed 003 §2; the public report form). */
export const reportSchema = z.object({
  channel: z.enum(['public-link', 'staff', 'system-admin', 'other']).default('staff'),
  anonymous: z.boolean().default(false),
  reporterName: optionalShort,
  reporterEmail: optionalShort,
  reporterRole: optionalShort,
  situations: z.array(z.enum(reportSituations)).default([]),
  whatHappened: text.default(''),
  whenText: optionalShort,
  location: optionalShort,
  whoElseKnows: optionalText,
});

export const breachTimesSchema = z.object({
  startedAt: optionalInstant,
  endedAt: optionalInstant,
  detectedAt: optionalInstant,
  reportedAt: optionalInstant,
  processorNotifiedAt: optionalInstant,
  awareAt: optionalInstant,
  subjectsNotifiedAt: optionalInstant,
});

const findingSchema = z.object({ code: z.string(), text: z.object({ pl: z.string(), en: z.string() }) });

export const assessmentSchema = z.object({
  id: z.string(),
  facts: breachFactsSchema,
  engine: z.object({
    riskLevel: z.enum(riskLevels),
    notifySupervisoryAuthority: z.boolean(),
    notifyDataSubjects: z.boolean(),
    publicCommunication: z.boolean(),
    exemptions: z.array(z.enum(exemptionCodes)),
    severity: z.object({
      method: z.literal('ENISA-2013'),
      score: z.number(),
      level: z.enum(['low', 'medium', 'high', 'very-high']),
      dpc: z.number(),
      ei: z.number(),
      cb: z.number(),
    }),
    findings: z.array(findingSchema),
  }),
  decision: z.object({
    riskLevel: z.enum(riskLevels),
    notifySupervisoryAuthority: z.boolean(),
    notifyDataSubjects: z.boolean(),
    exemptions: z.array(z.enum(exemptionCodes)),
    reason: text.nullable(),
  }),
  departsFromEngine: z.boolean(),
  decidedBy: shortText,
  decidedAt: isoDateTime,
});

/** A notification to UODO, one per phase (form section 1 and 3A). */
export const notificationSchema = z.object({
  id: z.string(),
  phase: z.enum(notificationPhases),
  sentAt: isoDateTime,
  channel: z.enum(notificationChannels),
  uodoCaseReference: optionalShort,
  lateReason: optionalText,
  /** For an initial notification: approximate date of the complete one (form 1, optional). */
  plannedCompletionDate: isoDate.nullable().default(null),
  /** The notification as sent, kept as filed (text or reference to the document). */
  note: optionalText,
});

/** Section 10 of the form: the people told, or why not. */
export const subjectCommunicationSchema = z.object({
  decision: z.enum(communicationDecisions),
  individually: z.boolean().nullable().default(null),
  date: isoDate.nullable().default(null),
  plannedDate: isoDate.nullable().default(null),
  numberNotified: z.number().int().nonnegative().nullable().default(null),
  channels: z.array(z.enum(communicationChannels)).default([]),
  channelsText: optionalText,
  /** The anonymised text of the communication as sent (form 10). */
  content: optionalText,
});

/** Seed 003 Załącznik 2: corrective and preventive actions with their effectiveness. */
export const correctiveActionSchema = z.object({
  id: z.string(),
  kind: z.enum(['corrective', 'preventive']),
  description: text.min(1),
  owner: optionalShort,
  dueDate: isoDate.nullable().default(null),
  status: z.enum(['planned', 'in-progress', 'done', 'cancelled']).default('planned'),
  completedAt: optionalInstant,
  effectiveness: optionalText,
  effective: z.boolean().nullable().default(null),
});

export const commentSchema = z.object({
  id: z.string(),
  author: shortText,
  createdAt: isoDateTime,
  body: text,
});

export const breachCaseSchema = z.object({
  id: z.string(),
  /** Internal case number (form 1: "Podaj swoją sygnaturę sprawy"). */
  reference: shortText,
  title: shortText.min(1),
  status: z.enum(breachStatuses),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  organisation: organisationSchema,
  report: reportSchema.default(reportSchema.parse({})),
  /** Załącznik 1 pt 2: who reported, who was involved or questioned. */
  people: z.array(personSchema).default([]),
  /** Załącznik 1 pt 3: room, workstation, application. */
  location: optionalShort,
  times: breachTimesSchema.default(breachTimesSchema.parse({})),
  /** 3A "Sposób stwierdzenia naruszenia". */
  detectionMethod: optionalText,
  /** 4A */
  description: optionalText,
  /** 4E */
  breachTypes: z.array(z.enum(breachTypes)).default([]),
  /** 4B */
  eventKinds: z.array(z.enum(eventKinds)).default([]),
  /** 4D */
  cause: z.enum(causes).nullable().default(null),
  /** 4C, when malware (4B f) was involved. */
  malware: z
    .object({
      confidentialityRuledOut: optionalText,
      ransomDemand: optionalText,
      backupAndRestore: optionalText,
    })
    .nullable()
    .default(null),
  /** 4F */
  childrenInformationSociety: z.boolean().default(false),
  /** 5: approximate numbers; the text allows ranges ("ok. 1200–1500"). */
  subjectsApprox: z.number().nonnegative().nullable().default(null),
  subjectsApproxText: optionalShort,
  recordsApprox: z.number().nonnegative().nullable().default(null),
  recordsApproxText: optionalShort,
  /** 6A–6C */
  dataCategories: z.array(z.enum(dataCategories)).default([]),
  dataCategoriesOtherText: optionalText,
  criminalOtherText: optionalText,
  /** 7 */
  subjectCategories: z.array(z.enum(subjectCategories)).default([]),
  subjectsDescription: optionalText,
  /** 8A */
  consequences: z.array(z.enum(consequences)).default([]),
  consequencesOtherText: optionalText,
  /** 9A, 9B, 9C */
  measuresBefore: optionalText,
  measuresPrevent: optionalText,
  measuresMitigate: optionalText,
  /** Załącznik 1 pt 5–7 */
  actionsTaken: optionalText,
  initialCauses: optionalText,
  investigation: optionalText,
  /** 1: other bodies informed (Police, CSIRT) and other supervisory authorities. */
  otherAuthorities: z.object({ names: shortText, reference: optionalShort }).nullable().default(null),
  otherSupervisoryAuthority: optionalShort,
  /** 2F: processors, joint controllers, postal operators… */
  otherEntities: z.array(z.object({ nameAndContact: shortText, role: shortText })).default([]),
  /** 11 */
  crossBorderCountries: z.array(shortText).default([]),
  assessments: z.array(assessmentSchema).default([]),
  notifications: z.array(notificationSchema).default([]),
  subjectCommunication: subjectCommunicationSchema.nullable().default(null),
  actions: z.array(correctiveActionSchema).default([]),
  comments: z.array(commentSchema).default([]),
  /** Computed by the server at the time of the response; absent in hand-written cases. */
  deadline: z
    .object({ deadlineAt: isoDateTime, state: z.enum(deadlineStates), hoursLeft: z.number() })
    .nullable()
    .default(null),
});

export type Organisation = z.output<typeof organisationSchema>;
export type BreachCase = z.output<typeof breachCaseSchema>;
export type BreachCaseInput = z.input<typeof breachCaseSchema>;
export type AssessmentEntry = z.output<typeof assessmentSchema>;
export type NotificationEntry = z.output<typeof notificationSchema>;
export type CorrectiveAction = z.output<typeof correctiveActionSchema>;
export type SubjectCommunication = z.output<typeof subjectCommunicationSchema>;

/** The latest assessment, whose decision is the breach's current one. */
export function latestAssessment(breach: Pick<BreachCase, 'assessments'>): AssessmentEntry | null {
  return breach.assessments.at(-1) ?? null;
}

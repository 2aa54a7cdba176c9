/**
 * The notification of a personal data breach to the President of UODO (art. 33 RODO), organised as UODO's form,
 * sections 1–11, for each phase (art. 33(4): initial, supplementary/amending, complete). `layout: 'table'` gives
 * the same entries as one table (section, field, value) for spreadsheets and the copy view.
 */
import type { BreachCase } from '../breach-case.ts';
import type { Localized } from '../language.ts';
import type { NotificationPhase } from '../supervisory-notification.ts';
import { notificationPhaseDefinitions } from '../supervisory-notification.ts';
import { formatWarsawDateTime } from '../warsaw-time.ts';
import { type Block, type DocumentModel, type DocumentOptions, text } from './document-model.ts';
import { documentShell, t } from './document-texts.ts';
import { notificationContext, uodoNotificationFields } from './uodo-notification-fields.ts';

const texts = {
  title: {
    pl: 'Zgłoszenie naruszenia ochrony danych osobowych',
    en: 'Notification of a personal data breach',
  },
  addressee: {
    pl: 'do Prezesa Urzędu Ochrony Danych Osobowych (art. 33 RODO) — {phase}',
    en: 'to the President of the Personal Data Protection Office, UODO (GDPR art. 33) — {phase}',
  },
  lateNote: {
    pl: 'Zgłoszenie zostało dokonane po upływie 72 godzin od stwierdzenia naruszenia; powody opóźnienia podano w pkt 3A.',
    en: 'This notification is made more than 72 hours after becoming aware; the reasons for the delay are in 3A.',
  },
  filing: {
    pl: 'Treść odpowiada polom formularza UODO (biznes.gov.pl lub ePUAP /UODO/SkrytkaESP); formularz elektroniczny podpisuje się kwalifikowanym podpisem elektronicznym lub profilem zaufanym. Stan na {date}.',
    en: "The content follows the fields of UODO's form (biznes.gov.pl or ePUAP /UODO/SkrytkaESP); the e-form is signed with a qualified electronic signature or Profil Zaufany. As of {date}.",
  },
  signature: { pl: '(data i podpis administratora)', en: "(date and controller's signature)" },
  section: { pl: 'Sekcja formularza', en: 'Form section' },
  field: { pl: 'Pole formularza', en: 'Form field' },
  value: { pl: 'Wartość', en: 'Value' },
} as const satisfies Record<string, Localized>;

export function buildUodoNotification(
  breach: BreachCase,
  options: DocumentOptions & { phase: NotificationPhase; layout?: 'form' | 'table' },
): DocumentModel {
  const { lang, phase, generatedAt } = options;
  const entries = uodoNotificationFields(breach, { phase, lang, generatedAt });
  const phaseLabel = notificationPhaseDefinitions.find((d) => d.id === phase)!.label[lang];
  const { late } = notificationContext(breach, phase, generatedAt);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t(texts.title, lang) },
    { kind: 'paragraph', text: t(texts.addressee, lang, { phase: phaseLabel }), tone: 'strong' },
    {
      kind: 'paragraph',
      text: t(texts.filing, lang, { date: formatWarsawDateTime(generatedAt, lang) }),
      tone: 'muted',
    },
  ];
  if (late) blocks.push({ kind: 'paragraph', text: t(texts.lateNote, lang), tone: 'strong' });
  if (options.layout === 'table') {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t(texts.section, lang), width: 2 },
        { header: t(texts.field, lang), width: 4 },
        { header: t(texts.value, lang), width: 6 },
      ],
      rows: entries.map((e) => [text(e.sectionTitle), text(e.label), text(e.value)]),
    });
  } else {
    let section: string | null = null;
    for (const entry of entries) {
      if (entry.section !== section) {
        section = entry.section;
        blocks.push({ kind: 'heading', level: 2, text: entry.sectionTitle });
        blocks.push({ kind: 'fields', fields: [] });
      }
      const last = blocks.at(-1);
      if (last?.kind === 'fields') blocks[blocks.length - 1] = { ...last, fields: [...last.fields, entry] };
    }
    blocks.push({ kind: 'signatures', captions: [t(texts.signature, lang)] });
  }
  return documentShell({
    kind: 'uodo-notification',
    breach,
    title: t(texts.title, lang),
    options,
    blocks,
  });
}

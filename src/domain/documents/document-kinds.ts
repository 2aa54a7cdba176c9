/** The documents incydent writes (a module without imports: the command line reads it without the renderers). */
export const documentKinds = [
  'internal-report',
  'uodo-notification',
  'subject-letter',
  'public-communication',
  'register',
  'assessment-record',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

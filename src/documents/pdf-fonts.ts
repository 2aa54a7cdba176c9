import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Roboto as bundled with pdfmake: it has every Polish letter (ą ć ę ł ń ó ś ź ż, capitals too). Its "Medium"
 * cut serves as bold, as pdfmake itself does. Both PDF renderers embed (subset) these files.
 */
const require = createRequire(import.meta.url);
const fontDirectory = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

export const robotoFiles = {
  normal: join(fontDirectory, 'Roboto-Regular.ttf'),
  bold: join(fontDirectory, 'Roboto-Medium.ttf'),
  italics: join(fontDirectory, 'Roboto-Italic.ttf'),
  bolditalics: join(fontDirectory, 'Roboto-MediumItalic.ttf'),
} as const;

/** True for the font files and nothing else: the PDF renderers may read no other local file. */
export const isFontFile = (path: string): boolean => Object.values(robotoFiles).includes(path);

export const pdfColours = { text: '#1a1a1a', muted: '#5c5c5c', rule: '#b8b8b8', headerFill: '#eef1f5' };

// Builds a folder of files in every supported format with known contents, for the scan tests. Office files are
// assembled from their XML parts with fflate; the PDF is written by hand with a correct cross-reference table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { makeIdCard, makeNip, makeNrb, makePassport, makePesel } from './make-identifiers.ts';

export const ids = {
  adult: makePesel(1985, 1, 15, 1234), // a man, adult
  child: makePesel(2015, 6, 15, 2345), // a boy, 11 on 2026-11-22
  zeroLed: makePesel(2004, 3, 9, 3456), // starts with 0: Excel drops it
  teen: makePesel(2010, 12, 24, 4568),
  idCard: makeIdCard('ABC', '12345'),
  passport: makePassport('EA', '765432'),
  nip: makeNip('525000000') ?? '',
  nrb: makeNrb('109010140000071219812874'),
};

function pdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 12 Tf 50 800 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function xlsx(): Uint8Array {
  const shared = ['PESEL', 'E-mail', 'jan@example.pl', 'ewa@example.pl'];
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  const row = (r: number, a: string, b: string) =>
    `<row r="${r}"><c r="A${r}"${a}</c><c r="B${r}"${b}</c></row>`;
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    row(1, ' t="s"><v>0</v>', ' t="s"><v>1</v>') +
    row(2, `><v>${Number(ids.zeroLed)}</v>`, ' t="s"><v>2</v>') +
    row(3, `><v>${Number(ids.adult)}</v>`, ' t="s"><v>3</v>') +
    '</sheetData></worksheet>';
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Klienci" sheetId="1"/></sheets></workbook>'),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

function docx(): Uint8Array {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const doc = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(`Dowód osobisty ${ids.idCard}, paszport ${ids.passport}.`)}${p('')}${p('Pacjentka w trakcie leczenia.')}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(doc) });
}

function ods(): Uint8Array {
  const cell = (v: string) =>
    `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
  const num = (v: string) =>
    `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const content = `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row>${cell('Nazwisko')}${cell('PESEL')}</table:table-row><table:table-row>${cell('Nowak')}${num(ids.teen)}</table:table-row><table:table-row>${cell('Kowalska')}${num(ids.child)}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8(content),
  });
}

function odt(): Uint8Array {
  const content = `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>NIP firmy: ${ids.nip.replace(/^(\d{3})(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3-$4')}</text:p></office:text></office:body></office:document-content>`;
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.text'),
    'content.xml': strToU8(content),
  });
}

function eml(): string {
  const attachment = Buffer.from(`pesel;imie\n${ids.teen};Ola\n`).toString('base64');
  return [
    'From: Biuro <biuro@firma.example>',
    'To: Klient <klient@example.pl>',
    'Subject: Faktura',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `W załączeniu lista. Rachunek PL${ids.nrb}.`,
    '--b1',
    'Content-Type: text/csv; name="lista.csv"',
    'Content-Disposition: attachment; filename="lista.csv"',
    'Content-Transfer-Encoding: base64',
    '',
    attachment,
    '--b1--',
    '',
  ].join('\r\n');
}

/** Writes the fixture folder; returns its path. */
export function buildFixtures(root: string): string {
  const dir = path.join(root, 'wyciek');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const csv = [
    'imię;nazwisko;PESEL;e-mail;telefon;rachunek',
    `Jan;Kowalski;${ids.adult};jan@example.pl;601 234 567;PL${ids.nrb.replace(/(.{2})(.{4})(.{4})(.{4})(.{4})(.{4})(.{4})/, '$1 $2 $3 $4 $5 $6 $7')}`,
    `Jaś;Kowalski;${ids.child};;+48 501 234 567;`,
    `"Nowak; Anna";"z ""cudzysłowem""";${Number(ids.zeroLed)};anna@example.pl;;`,
    'Zły;Numer;12345678901;;;',
    '',
  ].join('\r\n');
  writeFileSync(
    path.join(dir, 'klienci.csv'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
  );
  writeFileSync(
    path.join(dir, 'pacjenci-cp1250.csv'),
    iconv.encode(
      `Imię,Nazwisko,Rozpoznanie,Uwagi\r\nŁukasz,Żółć,E11.9,niepełnosprawność\r\nŚwiętosław,Źdźbło,J45,\r\n`,
      'windows-1250',
    ),
  );
  writeFileSync(path.join(dir, 'dane.tsv'), `email\ttelefon\nola@example.pl\t22 123 45 67\n`);
  writeFileSync(
    path.join(dir, 'notatka.txt'),
    `Zgłoszenie: PESEL ${ids.adult}, tel. +48 601 234 567.\n\nKolejna osoba: kasia@example.pl\n`,
  );
  writeFileSync(
    path.join(dir, 'zdarzenia.jsonl'),
    `{"user":"jan@example.pl","ip":"10.0.0.1"}\n{"user":"piotr@example.pl"}\n`,
  );
  writeFileSync(
    path.join(dir, 'sub', 'eksport.json'),
    JSON.stringify([{ pesel: ids.teen }, { pesel: ids.adult, karta: '4111 1111 1111 1111' }]),
  );
  writeFileSync(path.join(dir, 'arkusz.xlsx'), xlsx());
  writeFileSync(path.join(dir, 'pismo.docx'), docx());
  writeFileSync(path.join(dir, 'arkusz.ods'), ods());
  writeFileSync(path.join(dir, 'pismo.odt'), odt());
  writeFileSync(path.join(dir, 'skan.pdf'), pdf(`PESEL ${ids.child}`));
  writeFileSync(path.join(dir, 'poczta.eml'), eml());
  const nested = zipSync({ 'gleboko.txt': strToU8(`REGON 123456785\n`) });
  writeFileSync(
    path.join(dir, 'paczka.zip'),
    zipSync({
      'w-srodku.csv': strToU8(`pesel\n${ids.adult}\n`),
      'zagniezdzone.zip': nested,
      '../poza.txt': strToU8(`${ids.adult}\n`),
      'bomba.txt': [new Uint8Array(20 * 1024 * 1024), { level: 9 }],
    }),
  );
  const good = xlsx();
  writeFileSync(path.join(dir, 'uszkodzony.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(path.join(dir, 'uszkodzony.pdf'), Buffer.from('%PDF-1.4\n1 0 obj <<'));
  return dir;
}

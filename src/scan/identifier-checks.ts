/**
 * Check digits of the identifiers `scan` counts (contract ../shared/contracts/scan.md). Each check reads digit
 * values (0–9, not character codes) from `d` starting at `at`, so the byte scanner can validate a candidate where it
 * found it, without building a string. A check returns a compact numeric key (> 0) for a valid number, used to
 * count distinct values exactly in a typed-array set, or 0 when the number is invalid.
 */

// PESEL: ustawa z 24 września 2010 r. o ewidencji ludności, art. 15 ust. 2 (date of birth, serial, sex, check
// digit); weights 1-3-7-9 and the century offsets of the month (+80 1800s, +0 1900s, +20 2000s, +40 2100s,
// +60 2200s) as published by the Ministry of Digital Affairs (gov.pl, "Numer PESEL").
const peselWeights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;
const centuryByMonthOffset = [1900, 2000, 2100, 2200, 1800] as const;
const daysBefore1800 = Date.UTC(1800, 0, 1) / 86_400_000;

// Days from 1800-01-01 to the first of each month of 1800–2299 (the five PESEL centuries), so validating a PESEL
// needs no Date: the hot path of `scan` checks millions of them.
const monthStarts = new Int32Array(500 * 12);
for (let y = 1800, days = 0; y < 2300; y++) {
  for (let m = 1; m <= 12; m++) {
    monthStarts[(y - 1800) * 12 + m - 1] = days;
    days += daysInMonthOf(y, m);
  }
}
function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type PeselFacts = { birthYear: number; birthMonth: number; birthDay: number; male: boolean };

const daysInMonth = daysInMonthOf;

function pesel(d: Uint8Array, at: number): number {
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += d[at + k]! * peselWeights[k]!;
  if ((10 - (sum % 10)) % 10 !== d[at + 10]) return 0;
  const encodedMonth = d[at + 2]! * 10 + d[at + 3]!;
  const century = centuryByMonthOffset[Math.floor(encodedMonth / 20)];
  const month = encodedMonth % 20;
  if (century === undefined || month < 1 || month > 12) return 0;
  const year = century + d[at]! * 10 + d[at + 1]!;
  const day = d[at + 4]! * 10 + d[at + 5]!;
  if (day < 1 || day > daysInMonth(year, month)) return 0;
  const dayIndex = monthStarts[(year - 1800) * 12 + month - 1]! + day - 1;
  const serial = d[at + 6]! * 1000 + d[at + 7]! * 100 + d[at + 8]! * 10 + d[at + 9]!;
  // Date and serial determine the check digit, so (day index, serial) is a lossless key below 2^32.
  return dayIndex * 10_000 + serial + 1;
}

/** Birth date and sex of a PESEL from its key (art. 15 ust. 2: an odd 10th digit is a man). */
function peselFacts(key: number): PeselFacts {
  const serial = (key - 1) % 10_000;
  const date = new Date((Math.floor((key - 1) / 10_000) + daysBefore1800) * 86_400_000);
  return {
    birthYear: date.getUTCFullYear(),
    birthMonth: date.getUTCMonth() + 1,
    birthDay: date.getUTCDate(),
    male: serial % 2 === 1,
  };
}

/** The 11 digits of a PESEL from its key (for the `--list` file and tests). */
function peselFromKey(key: number): string {
  const f = peselFacts(key);
  const serial = (key - 1) % 10_000;
  const centuryOffset =
    (centuryByMonthOffset as readonly number[]).indexOf(f.birthYear - (f.birthYear % 100)) * 20;
  const body =
    String(f.birthYear % 100).padStart(2, '0') +
    String(f.birthMonth + centuryOffset).padStart(2, '0') +
    String(f.birthDay).padStart(2, '0') +
    String(serial).padStart(4, '0');
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += Number(body[k]) * peselWeights[k]!;
  return body + String((10 - (sum % 10)) % 10);
}

// Letters of ID-card and passport series count 10 (A) to 35 (Z); 0 when the byte is no uppercase ASCII letter.
function letterValue(code: number): number {
  return code >= 65 && code <= 90 ? code - 55 : 0;
}

// ID card (dowód osobisty): 3 letters + 6 digits, the first digit is the check digit; weights 7-3-1-9-7-3-1-7-3,
// sum divisible by 10 (rozporządzenie MSWiA w sprawie dowodów osobistych; example ABA300000 in its annex).
// `letters` are character codes, `d` digit values.
function idCard(letters: Uint8Array, la: number, d: Uint8Array, at: number): number {
  const l0 = letterValue(letters[la]!);
  const l1 = letterValue(letters[la + 1]!);
  const l2 = letterValue(letters[la + 2]!);
  if (!l0 || !l1 || !l2) return 0;
  const sum =
    l0 * 7 +
    l1 * 3 +
    l2 +
    d[at]! * 9 +
    d[at + 1]! * 7 +
    d[at + 2]! * 3 +
    d[at + 3]! +
    d[at + 4]! * 7 +
    d[at + 5]! * 3;
  if (sum % 10 !== 0) return 0;
  const series = (l0 - 10) * 676 + (l1 - 10) * 26 + (l2 - 10);
  return (
    series * 100_000 +
    d[at + 1]! * 10_000 +
    d[at + 2]! * 1000 +
    d[at + 3]! * 100 +
    d[at + 4]! * 10 +
    d[at + 5]! +
    1
  );
}

// Passport: 2 letters + 7 digits, the first digit is the check digit; weights 7-3-9-1-7-3-1-7-3, sum divisible by
// 10 (rozporządzenie MSWiA w sprawie dokumentów paszportowych, the same scheme as the ID card).
function passport(letters: Uint8Array, la: number, d: Uint8Array, at: number): number {
  const l0 = letterValue(letters[la]!);
  const l1 = letterValue(letters[la + 1]!);
  if (!l0 || !l1) return 0;
  let sum = l0 * 7 + l1 * 3 + d[at]! * 9;
  const rest = [1, 7, 3, 1, 7, 3] as const;
  let tail = 0;
  for (let k = 0; k < 6; k++) {
    sum += d[at + 1 + k]! * rest[k]!;
    tail = tail * 10 + d[at + 1 + k]!;
  }
  if (sum % 10 !== 0) return 0;
  return ((l0 - 10) * 26 + (l1 - 10)) * 1_000_000 + tail + 1;
}

// NIP: rozporządzenie Ministra Finansów w sprawie zasad nadawania NIP; weights 6-5-7-2-3-4-5-6-7, mod 11, a
// remainder of 10 is never issued.
const nipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
function nip(d: Uint8Array, at: number): number {
  let sum = 0;
  let body = 0;
  for (let k = 0; k < 9; k++) {
    sum += d[at + k]! * nipWeights[k]!;
    body = body * 10 + d[at + k]!;
  }
  const check = sum % 11;
  return check !== 10 && check === d[at + 9] ? body + 1 : 0;
}

// REGON: rozporządzenie Rady Ministrów w sprawie sposobu i metodologii prowadzenia i aktualizacji rejestru
// urzędowego podmiotów gospodarki narodowej, załącznik: weights 8-9-2-3-4-5-6-7 (9 digits) and
// 2-4-8-5-0-9-7-3-6-1-2-4-8 (14 digits), mod 11, 10 counts as 0.
const regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;
function regon(d: Uint8Array, at: number, length: number): boolean {
  const weights = length === 9 ? regon9Weights : length === 14 ? regon14Weights : null;
  if (!weights) return false;
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += d[at + k]! * weights[k]!;
  if ((sum % 11) % 10 !== d[at + length - 1]) return false;
  return length === 9 || regon(d, at, 9);
}

// IBAN (ISO 13616, mod 97 = 1) for Poland: PL + 2 check digits + 24-digit NRB (Zarządzenie Prezesa NBP nr 7/2017
// on the NRB). The bare 26-digit NRB carries the same check digits. "PL" is 25 21 in the mod-97 alphabet.
function nrb(d: Uint8Array, at: number): boolean {
  let rest = 0;
  for (let k = 2; k < 26; k += 4) {
    rest =
      (rest * 10_000 + d[at + k]! * 1000 + d[at + k + 1]! * 100 + d[at + k + 2]! * 10 + d[at + k + 3]!) % 97;
  }
  // Then "PL" (25 21) and the check digits: exact in doubles, as rest < 97.
  rest = (rest * 1_000_000 + 252_100 + d[at]! * 10 + d[at + 1]!) % 97;
  return rest === 1;
}

// Payment cards: ISO/IEC 7812 (Luhn) and the issuer prefixes and lengths the schemes publish.
export const cardIssuers: ReadonlyArray<{
  from: number;
  to: number;
  digits: number;
  lengths: readonly number[];
}> = [
  { from: 4, to: 4, digits: 1, lengths: [13, 16, 19] }, // Visa
  { from: 51, to: 55, digits: 2, lengths: [16] }, // Mastercard
  { from: 2221, to: 2720, digits: 4, lengths: [16] }, // Mastercard 2-series
  { from: 34, to: 34, digits: 2, lengths: [15] }, // American Express
  { from: 37, to: 37, digits: 2, lengths: [15] },
  { from: 6011, to: 6011, digits: 4, lengths: [16, 17, 18, 19] }, // Discover
  { from: 644, to: 649, digits: 3, lengths: [16, 17, 18, 19] },
  { from: 65, to: 65, digits: 2, lengths: [16, 17, 18, 19] },
  { from: 3528, to: 3589, digits: 4, lengths: [16, 17, 18, 19] }, // JCB
  { from: 300, to: 305, digits: 3, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { from: 36, to: 36, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { from: 38, to: 39, digits: 2, lengths: [16, 17, 18, 19] },
  { from: 50, to: 50, digits: 2, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { from: 56, to: 58, digits: 2, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { from: 62, to: 62, digits: 2, lengths: [16, 17, 18, 19] }, // UnionPay
  { from: 67, to: 67, digits: 2, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

function card(d: Uint8Array, at: number, length: number): boolean {
  if (length < 13 || length > 19) return false;
  let issuerKnown = false;
  for (const issuer of cardIssuers) {
    let prefix = 0;
    for (let k = 0; k < issuer.digits; k++) prefix = prefix * 10 + d[at + k]!;
    if (prefix >= issuer.from && prefix <= issuer.to && issuer.lengths.includes(length)) {
      issuerKnown = true;
      break;
    }
  }
  if (!issuerKnown) return false;
  let sum = 0;
  for (let k = 0; k < length; k++) {
    let v = d[at + length - 1 - k]!;
    if (k % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

// Polish phone numbers: 9 national digits (Plan numeracji krajowej, rozporządzenie Ministra Administracji
// i Cyfryzacji z 2014 r.): the mobile ranges and the geographic area codes, by their first two digits.
export const phonePrefixes = new Set([
  45,
  50,
  51,
  53,
  57,
  60,
  66,
  69,
  72,
  73,
  78,
  79,
  88, // mobile
  12,
  13,
  14,
  15,
  16,
  17,
  18,
  22,
  23,
  24,
  25,
  29,
  32,
  33,
  34,
  41,
  42,
  43,
  44,
  46,
  48,
  52,
  54,
  55,
  56,
  58,
  59,
  61,
  62,
  63,
  65,
  67,
  68,
  71,
  74,
  75,
  76,
  77,
  81,
  82,
  83,
  84,
  85,
  86,
  87,
  89,
  91,
  94,
  95, // geographic
]);
const phonePrefixTable = new Uint8Array(100);
for (const p of phonePrefixes) phonePrefixTable[p] = 1;
function phone(d: Uint8Array, at: number): number {
  if (phonePrefixTable[d[at]! * 10 + d[at + 1]!] !== 1) return 0;
  let n = 0;
  for (let k = 0; k < 9; k++) n = n * 10 + d[at + k]!;
  return n + 1;
}

export const identifierChecks = {
  daysBefore1800,
  pesel,
  peselFacts,
  peselFromKey,
  idCard,
  passport,
  nip,
  regon,
  nrb,
  card,
  phone,
} as const;

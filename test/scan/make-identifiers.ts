// Generators of valid identifiers for tests: each builds the check digit by the published rule, independently of
// src/scan/identifier-checks.ts, so a test compares two implementations of the same rule.

export function makePesel(year: number, month: number, day: number, serial: number): string {
  const offset = year < 1900 ? 80 : year < 2000 ? 0 : year < 2100 ? 20 : year < 2200 ? 40 : 60;
  const body =
    String(year % 100).padStart(2, '0') +
    String(month + offset).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(serial).padStart(4, '0');
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((s, ch, k) => s + Number(ch) * w[k]!, 0);
  return body + String((10 - (sum % 10)) % 10);
}

export function makeNip(body9: string): string | null {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const check = [...body9].reduce((s, ch, k) => s + Number(ch) * w[k]!, 0) % 11;
  return check === 10 ? null : body9 + check;
}

const letter = (ch: string) => ch.charCodeAt(0) - 55;

export function makeIdCard(series: string, digits5: string): string {
  const w = [7, 3, 1, 7, 3, 1, 7, 3];
  const values = [...series].map(letter).concat([...digits5].map(Number));
  const check = values.reduce((s, v, k) => s + v * w[k]!, 0) % 10;
  return `${series}${check}${digits5}`;
}

export function makePassport(series: string, digits6: string): string {
  const w = [7, 3, 1, 7, 3, 1, 7, 3];
  const values = [...series].map(letter).concat([...digits6].map(Number));
  const check = values.reduce((s, v, k) => s + v * w[k]!, 0) % 10;
  return `${series}${check}${digits6}`;
}

export function makeNrb(bban24: string): string {
  const rest = BigInt(`${bban24}252100`) % 97n;
  return String(98n - rest).padStart(2, '0') + bban24;
}

export function makeCard(prefix: string, length: number): string {
  let body = prefix;
  while (body.length < length - 1) body += String(body.length % 10);
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    let v = Number(body[body.length - 1 - k]);
    if (k % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return body + String((10 - (sum % 10)) % 10);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { ApiSession, launchChromium, seriousAxeViolations } from './support/browser.ts';

/**
 * What a DPO reviewing the app found, in a real Chromium: typed details survive switching tabs and leaving the
 * page asks first; errors name fields by their labels, mark them and take the focus there; the address of UODO's
 * section 2B; section 10 follows the latest assessment; the assessment history shows the decisions; a departure
 * says its reason is required; the next step comes first; a contradictory decision is refused next to the action.
 * Console errors fail the test, except the failed request a step provokes on purpose (exactly once).
 */
const dpo = {
  name: 'Jan Przegląd',
  email: 'iod@gmina-przyklad.example.pl',
  password: 'bardzo-tajne-haslo-2026',
};

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let page: Page;
let organisationId: string;
let breachPath: string;
let reportToken: string;
const consoleErrors: string[] = [];
const expectedFailures: { pattern: RegExp; seen: number }[] = [];

async function expectedFailure<T>(pattern: RegExp, step: () => Promise<T>): Promise<T> {
  const entry = { pattern, seen: 0 };
  expectedFailures.push(entry);
  try {
    const result = await step();
    await expect.poll(() => entry.seen).toBeGreaterThan(0);
    expect(entry.seen, `the expected failed request ${pattern}`).toBe(1);
    return result;
  } finally {
    expectedFailures.splice(expectedFailures.indexOf(entry), 1);
  }
}

function watch(target: Page) {
  target.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.location().url} ${message.text()}`;
    const expected = expectedFailures.find((e) => e.pattern.test(text));
    if (expected) expected.seen += 1;
    else consoleErrors.push(`${target.url()}: ${text}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`${target.url()}: ${error.message}`));
}

async function checkAccessibility(target: Page, name: string) {
  expect(await seriousAxeViolations(target), `axe on ${name}`).toEqual([]);
}

async function tab(name: string) {
  await page.locator('.tabs').getByRole('link', { name }).click();
}

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
const leavingIsHeld = () =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'incydent-e2e-review-'));
  server = await startServer({
    ...loadConfig({}),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    sweepIntervalSeconds: 0,
  });
  const api = new ApiSession(server.url);
  await api.ok('POST', '/api/setup', {
    email: dpo.email,
    name: dpo.name,
    password: dpo.password,
    organisation: { name: 'Gmina Przykładowo' },
  });
  const orgs = await api.ok<{ items: { organisationId: string }[] }>('GET', '/api/orgs');
  organisationId = orgs.items[0]!.organisationId;
  reportToken = (await api.ok<{ reportToken: string }>('GET', `/api/orgs/${organisationId}`)).reportToken;
  const created = await api.ok<{ id: string }>('POST', `/api/orgs/${organisationId}/breaches`, {
    report: {
      whatHappened: 'Lista mieszkańców z numerami PESEL wysłana e-mailem do niewłaściwej firmy.',
      situations: ['data-disclosed'],
    },
  });
  const breachApi = `/api/orgs/${organisationId}/breaches/${created.id}`;
  breachPath = breachApi.replace('/api', '');
  await api.ok('POST', `${breachApi}/transitions`, {
    event: 'confirm-breach',
    comment: 'Dane trafiły do osoby nieuprawnionej.',
    // Some minutes ago: the notification form's "sent at" (now, to the minute) must not come before it.
    awareAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  });

  browser = await launchChromium();
  const context = await browser.newContext({
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1366, height: 900 },
  });
  page = await context.newPage();
  watch(page);
  await page.goto(`${server.url}${breachPath}`);
  await page.getByLabel('Adres e-mail').fill(dpo.email);
  await page.getByLabel('Hasło').fill(dpo.password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lista mieszkańców', exact: false }).waitFor();
}, 180_000);

afterEach(() => {
  expect(consoleErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the web app as a DPO reviewed it, in Chromium', () => {
  it('keeps typed details across tabs and asks before leaving the page with unsaved changes', async () => {
    const actions = 'Poproszono odbiorcę o usunięcie wiadomości i potwierdzenie na piśmie.';
    await tab('Szczegóły');
    await page.getByLabel('Podjęte działania').fill(actions);
    await tab('Ocena ryzyka');
    await page.locator('.verdict, .notice.info').first().waitFor();
    await tab('Szczegóły');
    expect(await page.getByLabel('Podjęte działania').inputValue()).toBe(actions);
    await page.getByText('Niezapisane zmiany', { exact: false }).waitFor();

    // Closing or reloading the browser tab is held; so is a link elsewhere in the app, until confirmed.
    expect(await leavingIsHeld()).toBe(true);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('.breadcrumbs').getByRole('link', { name: 'Rejestr' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('niezapisane zmiany');
    expect(new URL(page.url()).pathname).toBe(`${breachPath}/details`);
    expect(await page.getByLabel('Podjęte działania').inputValue()).toBe(actions);
    await checkAccessibility(page, 'details-unsaved');

    await page.getByRole('button', { name: 'Zapisz szczegóły' }).click();
    await page.getByText('Zapisano.').waitFor();
    expect(await leavingIsHeld()).toBe(false);
  });

  it('names a field at fault by its label, marks it and moves the focus there (breach times)', async () => {
    await tab('Szczegóły');
    await page.getByLabel('Początek naruszenia').fill('2025-03-10T10:00');
    await page.getByLabel('Koniec naruszenia').fill('2025-03-09T10:00');
    await expectedFailure(/status of 400/, async () => {
      await page.getByRole('button', { name: 'Zapisz szczegóły' }).click();
      await page.getByRole('alert').getByText('„Koniec naruszenia”', { exact: false }).waitFor();
    });
    const alert = (await page.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('„Początek naruszenia”');
    expect(alert).not.toContain('endedAt');
    expect(await page.locator('#d-endedAt').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#d-endedAt-error').textContent()).toContain('Koniec naruszenia');
    expect(await activeId()).toBe('d-endedAt');
    await checkAccessibility(page, 'details-field-error');
    await page.getByLabel('Koniec naruszenia').fill('2025-03-10T12:00');
    await page.getByRole('button', { name: 'Zapisz szczegóły' }).click();
    await page.getByText('Zapisano.').waitFor();
    expect(await page.locator('#d-endedAt').getAttribute('aria-invalid')).toBeNull();
  });

  it('says a departing decision needs its reason, records a high risk and shows the decisions in the history', async () => {
    await tab('Ocena ryzyka');
    await page
      .getByRole('group', { name: 'Czego dotyczy naruszenie?' })
      .getByLabel('Naruszenie poufności danych')
      .check();
    await page
      .getByRole('group', { name: 'Jakie dane zostały naruszone?' })
      .getByLabel('Numer ewidencyjny PESEL')
      .check();
    await page.getByLabel('Ilu osób dotyczy?').fill('120');
    await page
      .getByRole('group', { name: 'Czy odbiorca jest zaufany i potwierdził usunięcie danych?' })
      .getByLabel('Nie', { exact: true })
      .check();
    await expect.poll(() => page.locator('.verdict').getAttribute('class')).toContain('level-high');
    expect(await page.locator('#a-reason-hint').textContent()).toContain('Opcjonalnie');
    await page.getByLabel('Moja decyzja jest inna', { exact: false }).check();
    const hint = (await page.locator('#a-reason-hint').textContent()) ?? '';
    expect(hint).toContain('Wymagane');
    expect(hint).toContain('30');
    expect(hint).not.toContain('Opcjonalnie');
    await page.getByLabel('Przyjmuję ocenę reguł').check();

    await page.getByLabel('Komentarz — dlaczego').fill('Wysokie ryzyko: PESEL u nieuprawnionego odbiorcy.');
    await page.getByRole('button', { name: 'Zapisz ocenę' }).click();
    await page.locator('.breach-state').getByText('Ryzyko ocenione').waitFor();
    const history = page.locator('section', {
      has: page.getByRole('heading', { name: 'Wcześniejsze oceny' }),
    });
    await history.getByRole('columnheader', { name: 'Zgłoszenie do UODO' }).waitFor();
    await history.getByRole('columnheader', { name: 'Zawiadomienie osób' }).waitFor();
    const cells = await history.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(4, 6)).toEqual(['Tak', 'Tak']);
    await checkAccessibility(page, 'assessment-history');

    // The next step after the assessment is the notification to UODO, not another assessment.
    const first = page.locator('.workflow-bar').locator('a, button').first();
    expect(await first.textContent()).toBe('Zapisz zgłoszenie do UODO');
  });

  it('refuses "UODO not required" after a risk, with the server’s words in the dialog', async () => {
    await page
      .locator('.workflow-bar')
      .getByRole('button', { name: 'Zgłoszenie do UODO niewymagane' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Komentarz — dlaczego').fill('Próba zapisania braku obowiązku.');
    await expectedFailure(/status of 409/, async () => {
      await dialog.getByRole('button', { name: 'Zgłoszenie do UODO niewymagane' }).click();
      await dialog.getByRole('alert').getByText('niespójna z oceną ryzyka', { exact: false }).waitFor();
    });
    await checkAccessibility(page, 'transition-inconsistent');
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('prefills section 10 from the decision, refuses a contradicting one beside the choice, orders the next step', async () => {
    await tab('Zgłoszenia i zawiadomienia');
    const decision = page.getByLabel('Czy osoby zostały zawiadomione?');
    expect(await decision.inputValue()).toBe('will-tell');

    await decision.selectOption('not-required-no-high-risk');
    await expectedFailure(/status of 409/, async () => {
      await page.getByRole('button', { name: 'Zapisz dane zawiadomienia' }).click();
      await page.locator('#c-decision-inconsistent').waitFor();
    });
    expect(await page.locator('#c-decision-inconsistent').textContent()).toContain('wysokie ryzyko');
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    expect(await activeId()).toBe('c-decision');
    await checkAccessibility(page, 'communication-inconsistent');
    await decision.selectOption('will-tell');
    await page.getByRole('button', { name: 'Zapisz dane zawiadomienia' }).click();
    await page.locator('form', { hasText: 'Zapisz dane zawiadomienia' }).getByText('Zapisano.').waitFor();

    // A notification without its comment marks the comment field; then it is recorded.
    await page.getByRole('button', { name: 'Zapisz zgłoszenie', exact: true }).click();
    await page.locator('#n-comment-error').waitFor();
    expect(await activeId()).toBe('n-comment');
    await page.getByLabel('Komentarz — dlaczego').fill('Zgłoszenie kompletne przez biznes.gov.pl.');
    await page.getByRole('button', { name: 'Zapisz zgłoszenie', exact: true }).click();
    await page.locator('.breach-state').getByText('Zgłoszone do UODO').waitFor();
    const first = page.locator('.workflow-bar').locator('a, button').first();
    await expect.poll(() => first.textContent()).toBe('Zapisz zawiadomienie osób');
    const labels = await page.locator('.workflow-bar').locator('a, button').allTextContents();
    expect(labels.indexOf('Oceń ryzyko')).toBeGreaterThan(labels.indexOf('Zapisz zawiadomienie osób'));
  });

  it('fills UODO section 2B in the settings and names REGON by its label when it is wrong', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
    await page.getByLabel('REGON').fill('123');
    await page.getByLabel('Numer lokalu').fill('4a');
    await page.getByLabel('Gmina').fill('Przykładowo');
    await page.getByLabel('Powiat').fill('przykładowski');
    await page.getByLabel('Województwo').fill('mazowieckie');
    expect(await page.getByLabel('Państwo').inputValue()).toBe('Polska');
    await expectedFailure(/status of 400/, async () => {
      await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
      await page.locator('#s-regon-error').waitFor();
    });
    expect(await page.getByRole('alert').textContent()).toContain('„REGON”');
    expect(await page.getByRole('alert').textContent()).not.toContain('„regon”');
    expect(await page.locator('#s-regon').getAttribute('aria-invalid')).toBe('true');
    expect(await activeId()).toBe('s-regon');
    await checkAccessibility(page, 'settings-field-error');
    await page.getByLabel('REGON').fill('012345678');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await page.getByText('Zapisano.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
    await expect.poll(() => page.getByLabel('Numer lokalu').inputValue()).toBe('4a');
    expect(await page.getByLabel('Województwo').inputValue()).toBe('mazowieckie');
    expect(await page.getByLabel('Powiat').inputValue()).toBe('przykładowski');
    expect(await page.getByLabel('Gmina').inputValue()).toBe('Przykładowo');
  });

  it('names the reporter’s e-mail by its label on the public report form and marks it', async () => {
    const reporter = await browser.newPage({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    watch(reporter);
    await reporter.goto(`${server.url}/report/${reportToken}`);
    await reporter.getByRole('heading', { level: 1, name: 'Zgłoś incydent' }).waitFor();
    await reporter.getByLabel('Co się stało?', { exact: false }).fill('Zgubiony laptop z listą płac.');
    await reporter.getByLabel('E-mail', { exact: true }).fill('to-nie-jest-adres');
    await expectedFailure(/status of 400/, async () => {
      await reporter.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
      await reporter.locator('#reporter-email-error').waitFor();
    });
    const alert = (await reporter.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('„E-mail”');
    expect(alert).not.toContain('reporterEmail');
    expect(await reporter.locator('#reporter-email').getAttribute('aria-invalid')).toBe('true');
    expect(await reporter.evaluate(() => document.activeElement?.id)).toBe('reporter-email');
    await checkAccessibility(reporter, 'public-report-field-error');
    await reporter.close();
  });
});

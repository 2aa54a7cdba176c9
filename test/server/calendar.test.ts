import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T09:00:00Z', config: { publicUrl: 'https://iod.example.pl' } });
});
afterEach(async () => {
  await h.close();
});

describe('the calendar feed (ICS) at a secret URL', () => {
  it('lists the 72-hour deadline and actions due; a new token retires the old URL', async () => {
    const story = await buildConfirmedBreach(h, { awareAt: '2026-11-20T09:00:00Z' });
    await story.client.request('POST', `${story.url}/actions`, {
      kind: 'corrective',
      description:
        'Zmiana haseł na wszystkich kontach pracowników działu kadr; szkolenie z zasad bezpieczeństwa',
      dueDate: '2026-12-01',
    });
    const created = await story.client.request<{ url: string }>('POST', '/api/calendar/token');
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^https:\/\/iod\.example\.pl\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const path = new URL(created.body.url).pathname;
    const feed = await h.client().request('GET', path);
    expect(feed.status).toBe(200);
    expect(String(feed.headers['content-type'])).toContain('text/calendar');
    const text = Buffer.from(feed.body as unknown as Uint8Array).toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART:20261123T090000Z');
    expect(unfolded).toMatch(/SUMMARY:Termin zgłoszenia do UODO: \d{4}\/\d{3}/);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261201');
    expect(unfolded).toContain('Zmiana haseł na wszystkich kontach pracowników działu kadr\\; szkolenie');
    const settings = await story.client.request<{ calendar: { enabled: boolean } }>(
      'GET',
      '/api/mail/settings',
    );
    expect(settings.body.calendar.enabled).toBe(true);

    await story.client.request('POST', '/api/calendar/token');
    expect((await h.client().request('GET', path)).status).toBe(404);
  });
});

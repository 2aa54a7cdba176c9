import { z } from 'zod';
import { calendarFeed, createCalendarToken, removeCalendarToken } from '../calendar.service.ts';
import { defineRoute } from '../http-route.ts';

export const calendarRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/calendar/token',
    summary:
      'A new secret URL of the caller’s calendar feed (every 72-hour deadline and action due); the old one stops working',
    tag: 'calendar',
    access: 'session',
    successStatus: 201,
    handler: async ({ services, session }) => createCalendarToken(services, session!.userId),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/calendar/token',
    summary: 'Turn the caller’s calendar feed off',
    tag: 'calendar',
    access: 'session',
    handler: async ({ services, session }) => {
      await removeCalendarToken(services, session!.userId);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calendar/:file',
    summary: 'The calendar feed (iCalendar) at its secret URL: /api/calendar/<token>.ics',
    tag: 'calendar',
    access: 'public',
    params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
    handler: async ({ services, params, reply }) => {
      const body = await calendarFeed(services, params.file.slice(0, -4));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  }),
];

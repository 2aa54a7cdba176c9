import { defineRoute } from '../http-route.ts';

export function systemRoutes(info: { databaseKind: string; version: string; openApi: () => unknown }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      summary: 'Liveness and the database kind (pglite or postgresql)',
      tag: 'system',
      access: 'public',
      handler: async ({ services }) => {
        await services.db.selectFrom('organisations').select('id').limit(1).execute();
        return { status: 'ok', database: info.databaseKind, version: info.version };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/docs',
      summary: 'This OpenAPI document',
      tag: 'system',
      access: 'public',
      handler: async () => info.openApi(),
    }),
  ];
}

import { createdFilter, paginate } from '../protocol/list';
import { get, type ResourceModule } from '../router';

export const events: ResourceModule = {
  routes: [
    get('/events/:id', (engine, { params }) => engine.store.get('event', params.id ?? '', 'id')),
    get('/events', (engine, { p }) => {
      const type = p.str('type');
      const types = p.strings('types');
      const created = createdFilter(p);
      // `type=charge.*` matches by prefix, as Stripe's filter does.
      const matches = (t: string): boolean =>
        type === undefined || (type.endsWith('*') ? t.startsWith(type.slice(0, -1)) : t === type);
      const rows = engine.store.all(
        'event',
        (e) =>
          matches(e.type) && (types === undefined || types.includes(e.type)) && created(e.created),
      );
      return paginate(rows, '/v1/events', p);
    }),
  ],
};

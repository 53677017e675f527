import { Field, NativeSelect } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, call } from '../../api/client';
import { useSession } from '../../session/store';
import { SectionPage } from '../../shell/tabs';
import { useCompanyTariffs } from './queries';

/** The operator's charging pages: one nav entry ("Charging") and these tabs inside. */
export const CHARGING_SECTIONS = [
  { to: '/charging/stations', label: 'Stations' },
  { to: '/charging/tariffs', label: 'Tariffs' },
  { to: '/charging/sessions', label: 'Sessions' },
  { to: '/charging/reports', label: 'Reports' },
  { to: '/charging/reservations', label: 'Reservations' },
] as const;

const TABS = { label: 'Charging sections', sections: CHARGING_SECTIONS };

export function ChargingPage(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  return <SectionPage tabs={TABS} {...props} />;
}

/** An admin sees every company's stations and names the company of what they create. */
export const useIsAdmin = () => useSession((s) => s.user?.role === 'ADMIN');

/** The companies an admin may create for (the first 100), with their names for the lists. */
export const useCompanyNames = (enabled: boolean) =>
  useQuery({
    queryKey: ['charging-operator', 'companies'],
    enabled,
    queryFn: () => call(() => api.GET('/api/v1/companies', { params: { query: { limit: 100 } } })),
    select: (page) => new Map(page.data.map((c) => [c.id, c.name])),
  });

/** For an admin: which company a new station or tariff belongs to. */
export function CompanyField({
  value,
  onChange,
}: {
  value: string;
  onChange: (companyId: string) => void;
}) {
  const companies = useCompanyNames(true);
  return (
    <Field.Root required invalid={companies.isError}>
      <Field.Label>Company</Field.Label>
      <NativeSelect.Root disabled={!companies.data}>
        <NativeSelect.Field value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">
            {companies.isPending ? 'Loading companies…' : 'Choose the operator company'}
          </option>
          {[...(companies.data ?? [])].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
      {companies.isError && <Field.ErrorText>The companies could not be loaded.</Field.ErrorText>}
    </Field.Root>
  );
}

/** The tariff a station or charger is priced by, among its company's; '' is `none`. */
export function TariffField({
  companyId,
  value,
  onChange,
  none,
  label = 'Tariff',
}: {
  companyId: string;
  value: string;
  onChange: (tariffId: string) => void;
  none: string;
  label?: string;
}) {
  const tariffs = useCompanyTariffs(companyId);
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root disabled={!tariffs.data}>
        <NativeSelect.Field value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{none}</option>
          {tariffs.data?.data.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.currency.toUpperCase()})
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
      {tariffs.isError && <Field.HelperText>The tariffs could not be loaded.</Field.HelperText>}
    </Field.Root>
  );
}

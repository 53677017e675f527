import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export type Card = Awaited<ReturnType<typeof listCards>>['data'][number];

const listCards = () => call(() => api.GET('/api/v1/payments/methods'));

/** The signed-in user's saved cards (read from the provider). */
export const useCards = () => useQuery({ queryKey: ['cards'], queryFn: listCards });

export const brandName = (b: string) => (b ? b[0]!.toUpperCase() + b.slice(1) : 'Card');

/** "Visa ending in 4242". */
export const cardName = (card: Card) => `${brandName(card.brand)} ending in ${card.last4}`;

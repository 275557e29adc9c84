import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queriesSettled } from './queries-settled';

const later = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('queriesSettled', () => {
  it('resolves at once when nothing is fetching', async () => {
    const start = Date.now();
    await queriesSettled(new QueryClient(), 5_000);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('waits for the queries in flight', async () => {
    const client = new QueryClient();
    const slow = client.fetchQuery({ queryKey: ['slow'], queryFn: () => later(50, 'done') });
    await queriesSettled(client, 5_000);
    expect(client.isFetching()).toBe(0);
    expect(client.getQueryData(['slow'])).toBe('done');
    await slow;
  });

  it('gives up at the cap when a query never settles', async () => {
    const client = new QueryClient();
    void client.prefetchQuery({ queryKey: ['stuck'], queryFn: () => new Promise(() => {}) });
    await queriesSettled(client, 30);
    expect(client.isFetching()).toBe(1);
  });
});

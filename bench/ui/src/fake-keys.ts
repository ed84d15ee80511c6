// 10,000 plausible keys, the same on every run (seeded), for the UI benchmark.
import type { KeyStatus } from '../../../shared/schemas.ts';
import { rotationDueAt } from '../../../shared/input-rules.ts';
import type { KeyView } from '../../../shared/views.ts';

const DAY = 24 * 60 * 60 * 1000;

/** mulberry32: a tiny seeded PRNG, so every run measures the same list. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout', 'billing', 'search', 'signup', 'crm-sync', 'ci', 'support', 'fraud'];
const OWNERS = ['ana', 'bo', 'chen', 'dee', 'eli', 'fatou', 'gus', 'hana'];
const ENVS = ['production', 'production', 'production', 'staging', 'staging', 'development', 'qa'];
const STATUSES: KeyStatus[] = [
  ...Array<KeyStatus>(17).fill('active'),
  'disabled',
  'pending',
  'revoked',
];

export function fakeKeys(count: number, now = Date.now(), seed = 42): KeyView[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const service = pick(SERVICES);
    const environment = pick(ENVS);
    const status = pick(STATUSES);
    const created = now - Math.floor(r() * 400 * DAY);
    const period = environment === 'production' ? 90 : r() < 0.3 ? 30 : null;
    const createdAt = new Date(created).toISOString();
    const used =
      r() < 0.8 ? new Date(created + Math.floor(r() * (now - created))).toISOString() : null;
    return {
      id: `key_bench_${i}`,
      account: i % 5 === 0 ? 'sandbox' : 'acme-prod',
      accountId: i % 5 === 0 ? 'acc_sandbox' : 'acc_acme',
      remoteId: `rk_${i}`,
      label: `${service}-${environment.slice(0, 4)}-${String(i).padStart(5, '0')}`,
      environment,
      service,
      owner: pick(OWNERS),
      notes: '',
      status,
      createdAt,
      lastUsedAt: used,
      rotationPeriodDays: period,
      rotationDueAt: rotationDueAt(createdAt, period),
      fingerprint: Math.floor(r() * 2 ** 48)
        .toString(16)
        .padStart(12, '0'),
      hint: `avk_…${Math.floor(r() * 65536)
        .toString(16)
        .padStart(4, '0')}`,
      lastVerification:
        r() < 0.5
          ? {
              at: new Date(now - Math.floor(r() * 30 * DAY)).toISOString(),
              outcome: 'ok',
              credits: { email: 1000, phone: 500 },
            }
          : null,
      revokedAt: status === 'revoked' ? new Date(now - DAY).toISOString() : null,
      custody: 'local',
      locations: [],
    };
  });
}

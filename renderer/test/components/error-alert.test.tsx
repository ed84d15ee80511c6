import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { ErrorAlert } from '../../src/components/error-alert.tsx';

afterEach(cleanup);

const show = (error: ErrorInfo) =>
  render(<ErrorAlert failure={{ what: 'Verifying "ci"', error, at: Date.now() }} />);

describe('API errors', () => {
  test('429 names the wait and counts it down', () => {
    show({ code: 'RATE_LIMITED', message: 'Rate limit used up.', status: 429, retryAfterSec: 12 });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Verifying "ci" failed \(HTTP 429\)\./);
    expect(alert.textContent).toMatch(/You can try again in 1[12] s\./);
    // Said once: not also in the core's message or a next step.
    expect(alert.textContent?.match(/\d+ s\b/g)).toHaveLength(1);
  });

  test('401, 402, 5xx and timeouts each say what to do', () => {
    const cases: Array<[ErrorInfo, RegExp]> = [
      [{ code: 'UNAUTHORIZED', message: 'x', status: 401 }, /add the account again/],
      [{ code: 'PAYMENT_REQUIRED', message: 'x', status: 402 }, /add credits/],
      [{ code: 'SERVER_ERROR', message: 'x', status: 503 }, /server error \(503\)/],
      [{ code: 'TIMEOUT', message: 'x' }, /did not answer in time/],
    ];
    for (const [error, step] of cases) {
      show(error);
      expect(screen.getByRole('alert').textContent).toMatch(step);
      cleanup();
    }
  });
});

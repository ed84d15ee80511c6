// The window shows words, never a code (issue 11, item 9): every error code, through every place
// that shows one (an inline error, the last verification, a rotation check), reads as words.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { ERROR_CODES, type ErrorCode, type ErrorInfo } from '../../../shared/errors.ts';
import { AuditList } from '../../src/components/audit-list.tsx';
import { CheckResult } from '../../src/components/check-result.tsx';
import { ErrorAlert } from '../../src/components/error-alert.tsx';
import { VerificationSection } from '../../src/components/verification-section.tsx';
import { ApiContext, StateContext } from '../../src/state/context.ts';
import { createAppState } from '../../src/state/create-state.ts';
import { fakeApi, makeKey } from '../support/fake-api.ts';

afterEach(cleanup);

// "HTTP" is a word people search for with the status ("HTTP 500"), not one of our codes.
const WORDS_IN_CAPITALS = new Set(['HTTP']);

function expectNoCode(text: string) {
  for (const code of ERROR_CODES) expect(text).not.toContain(code);
  const tokens = (text.match(/[A-Z_]{4,}/g) ?? []).filter((t) => !WORDS_IN_CAPITALS.has(t));
  expect(tokens).toEqual([]);
}

// What the API errors carry across IPC: a status, and a 429's Retry-After.
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  RATE_LIMITED: 429,
  SERVER_ERROR: 500,
  BAD_RESPONSE: 200,
};

function infos(code: ErrorCode): ErrorInfo[] {
  const base: ErrorInfo = { code, message: 'Something went wrong.' };
  const status = STATUS[code];
  const withStatus = status === undefined ? base : { ...base, status };
  return code === 'RATE_LIMITED'
    ? [withStatus, { ...withStatus, retryAfterSec: 120 }]
    : [withStatus];
}

describe('no error code reaches the window', () => {
  test('an inline error, for every code (pasted key or not)', () => {
    for (const code of ERROR_CODES)
      for (const error of infos(code))
        for (const pasted of [false, true]) {
          const { container } = render(
            <ErrorAlert
              failure={{ what: 'Verifying "ci"', error, at: Date.now() }}
              pasted={pasted}
            />,
          );
          expectNoCode(container.textContent ?? '');
          cleanup();
        }
  });

  test('a failed verification in the details, for every code', () => {
    const { api } = fakeApi([]);
    const store = createAppState(api);
    for (const code of ERROR_CODES) {
      const k = makeKey({
        label: 'ci',
        lastVerification: {
          at: new Date().toISOString(),
          outcome: 'error',
          credits: null,
          errorCode: code,
        },
      });
      const { container } = render(
        <ApiContext.Provider value={api}>
          <StateContext.Provider value={store}>
            <VerificationSection keyView={k} />
          </StateContext.Provider>
        </ApiContext.Provider>,
      );
      expect(container.textContent).toMatch(/Cause: \S/);
      expectNoCode(container.textContent ?? '');
      cleanup();
    }
  });

  test('a rotation check that could not be made, for every code and an unknown one', () => {
    for (const errorCode of [...ERROR_CODES, 'SOMETHING_NEW']) {
      const { container } = render(
        <CheckResult
          check={{ at: new Date().toISOString(), outcome: 'error', credits: null, errorCode }}
        />,
      );
      expect(container.textContent).toMatch(/could not be checked \(\S/);
      expectNoCode(container.textContent ?? '');
      cleanup();
    }
  });
});

describe('a 429 with a Retry-After', () => {
  test('says its wait once, as a countdown', () => {
    const error: ErrorInfo = {
      code: 'RATE_LIMITED',
      message: "ApexVerify's rate limit for this account is used up (429): try again in 120 s.",
      status: 429,
      retryAfterSec: 120,
    };
    const { container } = render(
      <ErrorAlert failure={{ what: 'Verifying "ci"', error, at: Date.now() }} />,
    );
    const text = container.textContent ?? '';
    expect(text.match(/\d+ s\b/g)).toHaveLength(1);
    expect(text).toMatch(/You can try again in 1(20|19) s\./);
  });
});

test('the audit trail shows a failed step’s cause in words, for every code', async () => {
  const events = ERROR_CODES.map((code) => ({
    at: new Date().toISOString(),
    action: 'verified' as const,
    actor: 'app' as const,
    keyId: 'key_ci',
    accountId: 'acc_sandbox',
    label: 'ci',
    fingerprint: null,
    outcome: 'failed' as const,
    detail: { error: code },
  }));
  const { api } = fakeApi([], { keyAudit: () => ({ events }) });
  const { container } = render(
    <ApiContext.Provider value={api}>
      <StateContext.Provider value={createAppState(api)}>
        <AuditList keyId="key_ci" />
      </StateContext.Provider>
    </ApiContext.Provider>,
  );
  expect(await screen.findAllByRole('listitem')).toHaveLength(ERROR_CODES.length);
  expectNoCode(container.textContent ?? '');
});

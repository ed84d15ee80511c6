// ErrorInfo has one definition, its schema: every field AppError carries survives the boundary's
// parse. isKeychainError / isNetworkError are the one classification the core and window share.
import { describe, expect, it } from 'vitest';
import {
  AppError,
  ERROR_CODES,
  errorInfoSchema,
  isKeychainError,
  isNetworkError,
  toErrorInfo,
  type ErrorInfo,
} from '../../../shared/errors.ts';
import { resultSchema } from '../../../shared/ipc/contract.ts';
import { verifyResultSchema } from '../../../shared/views.ts';
import { z } from 'zod';

describe('ErrorInfo', () => {
  it('keeps every field of an AppError through the schema the boundary parses with', () => {
    const full: Required<ErrorInfo> = {
      code: 'REFUSED',
      message: 'Refused.',
      retryAfterSec: 3,
      status: 429,
      rule: 'no-run',
      field: 'name',
      files: [{ path: '/srv/shop/.env', variable: 'APEXVERIFY_API_KEY', reason: 'read-only' }],
    };
    const info = new AppError(full.code, full.message, full).toInfo();
    expect(info).toEqual(full);
    // Every key the type has is a key the schema keeps: a field added to one only would fail here.
    expect(Object.keys(errorInfoSchema.shape).sort()).toEqual(Object.keys(full).sort());
    expect(errorInfoSchema.parse(info)).toEqual(full);
    expect(resultSchema(z.null()).parse({ ok: false, error: info })).toEqual({
      ok: false,
      error: full,
    });
    const verify = { keyId: 'k', label: 'l', account: 'a', status: 'error', checkedAt: 't' };
    expect(verifyResultSchema.parse({ ...verify, error: info }).error).toEqual(full);
  });

  it('accepts only the shared codes', () => {
    expect(errorInfoSchema.safeParse({ code: 'NOPE', message: 'm' }).success).toBe(false);
    for (const code of ERROR_CODES)
      expect(errorInfoSchema.safeParse({ code, message: 'm' }).success, code).toBe(true);
    expect(toErrorInfo(new Error('avk_secret'))).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('avk_secret'),
    });
  });
});

describe('isKeychainError and isNetworkError', () => {
  const info = (code: ErrorInfo['code']): ErrorInfo => ({ code, message: 'm' });

  it('classify AppErrors in the core and ErrorInfos in the window alike', () => {
    for (const code of ['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_DENIED'] as const) {
      expect(isKeychainError(new AppError(code, 'm')), code).toBe(true);
      expect(isKeychainError(info(code)), code).toBe(true);
      expect(isNetworkError(info(code)), code).toBe(false);
    }
    for (const code of ['NETWORK', 'TIMEOUT'] as const) {
      expect(isNetworkError(new AppError(code, 'm')), code).toBe(true);
      expect(isNetworkError(info(code)), code).toBe(true);
      expect(isKeychainError(info(code)), code).toBe(false);
    }
    const others = ERROR_CODES.filter(
      (c) => !['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_DENIED', 'NETWORK', 'TIMEOUT'].includes(c),
    );
    for (const code of others) {
      expect(isKeychainError(new AppError(code, 'm')), code).toBe(false);
      expect(isNetworkError(info(code)), code).toBe(false);
    }
  });

  it('never classify a foreign error, even one with a matching code property', () => {
    const foreign = Object.assign(new Error('x'), { code: 'NETWORK' });
    const keychain = Object.assign(new Error('x'), { code: 'KEYCHAIN_DENIED' });
    expect(isNetworkError(foreign)).toBe(false);
    expect(isKeychainError(keychain)).toBe(false);
    for (const v of [null, undefined, 'NETWORK', 42, {}, { code: 'ECONNREFUSED' }]) {
      expect(isNetworkError(v)).toBe(false);
      expect(isKeychainError(v)).toBe(false);
    }
  });
});

// The keychain behind one small interface. Implementations throw AppError with
// KEYCHAIN_UNAVAILABLE, KEYCHAIN_DENIED or SECRET_MISSING; never fall back to plaintext.

export interface Vault {
  /** Stores or replaces the secret under this id. */
  set(id: string, secret: string): Promise<void>;
  /**
   * The secret under this id. Throws SECRET_MISSING only when the keychain is provably
   * unlocked (the canary reads back) and the entry is absent; KEYCHAIN_DENIED when it may be locked.
   */
  get(id: string): Promise<string>;
  /** Removes the entry; true when something was removed. */
  delete(id: string): Promise<boolean>;
  /** Ids of the entries under this service, the canary excluded. */
  listIds(): Promise<string[]>;
  /**
   * Proves the keychain reachable and unlocked by the canary alone, reading no other entry.
   * Optional: a vault without it is probed with listIds.
   */
  probe?(): Promise<void>;
}

// Sync now: shown while an API-mode account exists (placeholder until sync is built).
export function SyncNowButton() {
  return null;
}

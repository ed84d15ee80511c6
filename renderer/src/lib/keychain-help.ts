// How to fix a missing or locked keychain on each OS; the user's own OS comes first.
import type { AppStatus } from '../../../shared/views.ts';

export interface OsFix {
  os: AppStatus['platform'];
  name: string;
  steps: string[];
}

const FIXES: OsFix[] = [
  {
    os: 'darwin',
    name: 'macOS (Keychain Access)',
    steps: [
      'Open Keychain Access (Applications → Utilities).',
      'Select the "login" keychain; if it shows a lock, click it and enter your login password.',
      'If macOS asked whether ApexVerify Key Manager may use the keychain, choose "Always Allow", then try again.',
    ],
  },
  {
    os: 'win32',
    name: 'Windows (Credential Manager)',
    steps: [
      'Open Control Panel → User Accounts → Credential Manager → Windows Credentials.',
      'If it does not open, start the "Credential Manager" service (services.msc), then sign out and in again.',
      'Try again.',
    ],
  },
  {
    os: 'linux',
    name: 'Linux (Secret Service: GNOME Keyring or KWallet)',
    steps: [
      'Make sure a Secret Service provider runs: gnome-keyring-daemon (GNOME) or KWallet with its Secret Service integration (KDE).',
      'Unlock the default keyring: open "Passwords and Keys" (Seahorse) or KWallet Manager and unlock it.',
      'Without a desktop session, start one: dbus-run-session, then gnome-keyring-daemon --unlock --components=secrets.',
      'If libsecret is missing, install it (Debian/Ubuntu: apt install libsecret-1-0 gnome-keyring).',
    ],
  },
];

export function fixesFor(platform: AppStatus['platform']): OsFix[] {
  return [...FIXES].sort((a, b) => Number(b.os === platform) - Number(a.os === platform));
}

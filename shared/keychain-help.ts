// How to fix a missing or locked OS keychain, per OS: one table for the core's error messages
// (one sentence appended to each keychain error) and the window's keychain screen (steps).

export type KeychainOs = 'darwin' | 'win32' | 'linux';

export interface KeychainHelp {
  os: KeychainOs;
  /** The OS and its keychain, as the window's heading names them. */
  name: string;
  /** One sentence, appended to the core's keychain errors. */
  unlock: string;
  /** One sentence for a keychain library that could not be loaded at all. */
  install: string;
  /** The same fix step by step, for the window. */
  steps: readonly string[];
}

const LINUX_PACKAGES = 'Debian/Ubuntu: apt install libsecret-1-0 gnome-keyring';

const MACOS_UNLOCK =
  'On macOS, open Keychain Access, unlock the login keychain, and allow ApexVerify Key Manager when asked.';
const WINDOWS_UNLOCK =
  'On Windows, open Credential Manager (Windows Credentials) and make sure you are signed in to a normal user session.';

export const KEYCHAIN_HELP: readonly KeychainHelp[] = [
  {
    os: 'darwin',
    name: 'macOS (Keychain Access)',
    unlock: MACOS_UNLOCK,
    install: MACOS_UNLOCK,
    steps: [
      'Open Keychain Access (Applications → Utilities).',
      'Select the "login" keychain; if it shows a lock, click it and enter your login password.',
      'If macOS asked whether ApexVerify Key Manager may use the keychain, choose "Always Allow", then try again.',
    ],
  },
  {
    os: 'win32',
    name: 'Windows (Credential Manager)',
    unlock: WINDOWS_UNLOCK,
    install: WINDOWS_UNLOCK,
    steps: [
      'Open Control Panel → User Accounts → Credential Manager → Windows Credentials.',
      'If it does not open, start the "Credential Manager" service (services.msc), then sign out and in again.',
      'Try again.',
    ],
  },
  {
    os: 'linux',
    name: 'Linux (Secret Service: GNOME Keyring or KWallet)',
    unlock:
      'On Linux, install and start gnome-keyring (or another Secret Service such as KeePassXC) in your desktop session and unlock the login keyring (Seahorse, "Passwords and Keys").',
    install: `On Linux, install libsecret (${LINUX_PACKAGES}), then start gnome-keyring or another Secret Service and unlock the login keyring.`,
    steps: [
      'Make sure a Secret Service provider runs: gnome-keyring-daemon (GNOME) or KWallet with its Secret Service integration (KDE).',
      'Unlock the default keyring: open "Passwords and Keys" (Seahorse) or KWallet Manager and unlock it.',
      'Without a desktop session, start one: dbus-run-session, then gnome-keyring-daemon --unlock --components=secrets.',
      `If libsecret is missing, install it (${LINUX_PACKAGES}).`,
    ],
  },
];

/**
 * The help for this platform. Linux and the BSDs (and anything else) reach the keychain through
 * the Secret Service over D-Bus, so they get Linux's.
 */
export function keychainHelpFor(platform: string): KeychainHelp {
  const os: KeychainOs = platform === 'darwin' || platform === 'win32' ? platform : 'linux';
  return KEYCHAIN_HELP.find((h) => h.os === os) as KeychainHelp;
}

/** Every OS's help, this platform's first. */
export function keychainHelpInOrder(platform: string): KeychainHelp[] {
  return [...KEYCHAIN_HELP].sort((a, b) => Number(b.os === platform) - Number(a.os === platform));
}

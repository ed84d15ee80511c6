// Why a network action is unavailable while the app is offline; shown beside the control.
export const OFFLINE_REASON =
  'Unavailable while offline: this needs ApexVerify. Try again once the connection is back.';

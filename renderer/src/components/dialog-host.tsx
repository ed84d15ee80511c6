// The one open dialog, if any. Each is mounted only while open.
import { useAppState } from '../state/context.ts';
import { AccountsDialog } from './accounts-dialog.tsx';
import { ActivityDialog } from './activity-dialog.tsx';
import { BackupDialog } from './backup-dialog.tsx';
import { CaptureDialog } from './capture-dialog.tsx';
import { EnvDialog } from './env-dialog.tsx';
import { FindCopiesDialog } from './find-copies-dialog.tsx';
import { InventoryDialog } from './inventory-dialog.tsx';
import { NewKeyDialog } from './new-key-dialog.tsx';
import { ReceiveDialog } from './receive-dialog.tsx';
import { RestoreDialog } from './restore-dialog.tsx';
import { RevokeDialog } from './revoke-dialog.tsx';
import { RotateDialog } from './rotate-dialog.tsx';
import { SettingsDialog } from './settings-dialog.tsx';
import { ShareDialog } from './share-dialog.tsx';

export function DialogHost() {
  const dialog = useAppState((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new-key':
      return <NewKeyDialog />;
    case 'revoke':
      return <RevokeDialog keyId={dialog.keyId} />;
    case 'env':
      return <EnvDialog keyId={dialog.keyId} />;
    case 'rotate':
      return <RotateDialog keyId={dialog.keyId} />;
    case 'accounts':
      return <AccountsDialog adding={dialog.adding === true} />;
    case 'settings':
      return <SettingsDialog />;
    case 'activity':
      return <ActivityDialog />;
    case 'capture':
      return <CaptureDialog keyId={dialog.keyId} />;
    case 'scan':
      return <FindCopiesDialog keyId={dialog.keyId} />;
    case 'share':
      return <ShareDialog keyId={dialog.keyId} />;
    case 'receive':
      return <ReceiveDialog />;
    case 'backup':
      return <BackupDialog />;
    case 'restore':
      return <RestoreDialog />;
    case 'inventory':
      return <InventoryDialog />;
  }
}

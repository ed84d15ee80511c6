// The run's evidence so far, step by step: when each was confirmed, the checks of the new key,
// both keys' last use (API mode), the .env files changed, the check of the old key's known
// locations before it was revoked, and the old key's 401 proof.
import type { LocationCheckEvidence } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { CheckResult } from './check-result.tsx';
import { EnvFileList } from './env-file-list.tsx';
import { LastUsedFacts } from './last-used-facts.tsx';
import { Stamp } from './stamp.tsx';

// A closed run's evidence is the whole record, not "so far".
const EVIDENCE_TITLE = {
  open: 'Evidence so far',
  done: 'Evidence',
  aborted: 'Evidence up to the abort',
} as const;
const titleOf = (v: RotationView): keyof typeof EVIDENCE_TITLE =>
  v.step === 'done' || v.step === 'aborted' ? v.step : 'open';

function LocationCheck({ check }: { check: LocationCheckEvidence }) {
  const held = check.stillHeld;
  return (
    <>
      {check.checked === 0
        ? 'No known location of the old key to read'
        : `${check.checked} known location(s) of the old key read`}{' '}
      <Stamp iso={check.at} />
      {check.checked > 0 && held.length === 0 && '; none held it'}
      {held.length > 0 && (
        <>
          ; {held.length} still held it, revoked anyway:{' '}
          {held.map((l, i) => (
            <span key={`${l.path}\n${l.variable}`}>
              {i > 0 && ', '}
              <code className="selectable">{l.path}</code> ({l.variable})
            </span>
          ))}
        </>
      )}
    </>
  );
}

export function RotationEvidence({ view }: { view: RotationView }) {
  const { generate: g, deploy, verify, revoke, locationCheck } = view.evidence;
  // While deploying, the .env form shows its own results; confirming the deployment copies them
  // into the run's evidence, the one list shown from then on (adding the form's would list each
  // file twice).
  const files = view.step === 'deploy' ? [] : (deploy?.envFiles ?? []);
  const shareFiles = (view.held?.shares ?? []).filter((x) => x.writtenAt).map((x) => x.file);
  return (
    <section className="evidence" aria-labelledby="rotate-evidence-title">
      <h3 id="rotate-evidence-title">{EVIDENCE_TITLE[titleOf(view)]}</h3>
      <dl className="facts facts--evidence">
        <dt>Started</dt>
        <dd>
          <Stamp iso={view.startedAt} />
        </dd>
        {view.newKey && (
          <>
            <dt>New key</dt>
            <dd>
              “{view.newKey.label}” <span className="mono">{view.newKey.hint}</span>, fingerprint{' '}
              <span className="mono">{view.newKey.fingerprint}</span>
              {g.storedAt && (
                <>
                  , in the keychain since <Stamp iso={g.storedAt} />
                </>
              )}
            </dd>
          </>
        )}
        {g.check && (
          <>
            <dt>First check</dt>
            <dd>
              <CheckResult check={g.check} />
              {g.orphansRevoked > 0 &&
                ` (${g.orphansRevoked} key(s) left by an interrupted attempt were revoked)`}
            </dd>
          </>
        )}
        {deploy && (
          <>
            <dt>Deployed</dt>
            <dd>
              Confirmed <Stamp iso={deploy.confirmedAt} />
              {view.held && shareFiles.length > 0 && (
                <>
                  ; share file for {view.held.holder}:{' '}
                  <code className="selectable">{shareFiles.join(', ')}</code>
                </>
              )}
            </dd>
          </>
        )}
        {files.length > 0 && (
          <>
            <dt>.env files</dt>
            <dd>
              <EnvFileList files={files} warn={false} />
            </dd>
          </>
        )}
        {verify && (
          <>
            <dt>Verification</dt>
            <dd>
              <CheckResult check={verify.check} />
              {verify.confirmedAt ? (
                <>
                  ; confirmed <Stamp iso={verify.confirmedAt} />
                  {verify.acceptedRecentUse && ' although the old key was used recently'}
                </>
              ) : (
                '; not confirmed yet'
              )}
            </dd>
          </>
        )}
        {view.mode === 'api' && <LastUsedFacts view={view} />}
        {locationCheck && (
          <>
            <dt>Location check</dt>
            <dd>
              <LocationCheck check={locationCheck} />
            </dd>
          </>
        )}
        {revoke && (
          <>
            <dt>Revocation</dt>
            <dd>
              Begun <Stamp iso={revoke.begunAt} />
              {revoke.lastCheck && !revoke.proof && (
                <>
                  ;{' '}
                  {view.held
                    ? 'ApexVerify still listed the old key'
                    : `the old key still answered ${revoke.lastCheck.status}`}{' '}
                  <Stamp iso={revoke.lastCheck.at} />
                </>
              )}
              {revoke.proof && (
                <>
                  ;{' '}
                  {revoke.proof.status === 404 ? (
                    'ApexVerify no longer lists the old key'
                  ) : (
                    <>
                      the old key answered <strong>401 Unauthorized</strong>
                    </>
                  )}{' '}
                  <Stamp iso={revoke.proof.checkedAt} />
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

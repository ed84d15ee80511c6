// A file path or URL that may break after each separator, so a long one wraps at a folder
// boundary rather than mid-name (the stylesheet still breaks anywhere as a last resort). A URL's
// scheme, host and port stay together: "http://" alone on a line says nothing.
import { Fragment } from 'react';

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

export function WrappingPath({ path }: { path: string }) {
  const origin = ORIGIN.exec(path)?.[0] ?? '';
  const parts = path.slice(origin.length).split('/');
  parts[0] = origin + (parts[0] ?? '');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

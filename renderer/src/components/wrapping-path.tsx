// A file path that may break after each separator, so a long path wraps at a folder boundary
// rather than mid-name (the stylesheet still breaks anywhere as a last resort).
import { Fragment } from 'react';

export function WrappingPath({ path }: { path: string }) {
  const parts = path.split('/');
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

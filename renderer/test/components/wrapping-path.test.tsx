// Where a path or URL may break: after each "/" of a path; in a URL never inside its scheme, host
// and port (the Accounts table at 900 px broke "http://" from its host).
import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { WrappingPath } from '../../src/components/wrapping-path.tsx';

/** The text between the break opportunities. */
function pieces(path: string): string[] {
  const { container } = render(
    <p>
      <WrappingPath path={path} />
    </p>,
  );
  const html = container.querySelector('p')?.innerHTML ?? '';
  expect(container.textContent).toBe(path);
  return html.split('<wbr>');
}

describe('WrappingPath', () => {
  test('a path breaks after each separator', () => {
    expect(pieces('/home/me/shop/.env')).toEqual(['/', 'home/', 'me/', 'shop/', '.env']);
  });

  test("a URL keeps its scheme, host and port together, then breaks after each '/'", () => {
    expect(pieces('http://127.0.0.1:45663')).toEqual(['http://127.0.0.1:45663']);
    expect(pieces('https://api.apexverify.com/v1/')).toEqual([
      'https://api.apexverify.com/',
      'v1/',
      '',
    ]);
  });
});

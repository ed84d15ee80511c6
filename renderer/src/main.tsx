import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Placeholder() {
  return <h1>API keys</h1>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);

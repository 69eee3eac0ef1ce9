import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { App } from './app/app';
import { LocaleRoot } from './i18n';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LocaleRoot>
        <App api={createApiClient()} />
      </LocaleRoot>
    </StrictMode>,
  );
}

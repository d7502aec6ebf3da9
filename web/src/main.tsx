import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, savedTheme } from './theme/theme';
import { registerShareWorker } from './uploads/shareTarget';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';

applyTheme(savedTheme());
registerShareWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

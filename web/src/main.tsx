import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';

// Each SectionBoundary logs the error it catches, with its section's name: React's default would log it twice.
createRoot(document.getElementById('root')!, { onCaughtError: () => {} }).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

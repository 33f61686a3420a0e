import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n, osLanguage } from './i18n';

initI18n(osLanguage());
createRoot(document.getElementById('root')!).render(<App />);

import '../app/global.css';
import { createRoot } from 'react-dom/client';
import { initI18n, osLanguage } from '../i18n';
import { WallboardApp } from './WallboardApp';

initI18n(osLanguage());
createRoot(document.getElementById('root')!).render(<WallboardApp />);

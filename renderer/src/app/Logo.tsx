import { useTranslation } from 'react-i18next';
import { brand } from './Providers';

export function Logo({ dark = true }: { dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, height: 64, padding: '0 20px' }}>
      <div
        aria-hidden
        style={{
          width: 32,
          height: 32,
          borderRadius: 8,
          background: brand.primary,
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          fontSize: 18,
        }}
      >
        客
      </div>
      <span style={{ color: dark ? '#fff' : undefined, fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </span>
    </div>
  );
}

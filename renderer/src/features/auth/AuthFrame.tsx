// The frame of the pages before sign-in: a brand panel and the form, language switch at hand.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Logo } from '../../app/Logo';
import { brand } from '../../app/Providers';

export function AuthFrame({ title, subtitle, width = 420, children }: { title: string; subtitle?: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', minHeight: '100vh' }}>
      <aside
        style={{
          flex: '0 0 34%',
          background: `linear-gradient(160deg, ${brand.siderBg} 0%, #1d3f7a 60%, ${brand.primary} 100%)`,
          color: '#fff',
          padding: '32px 40px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <div style={{ marginInlineStart: -20 }}>
          <Logo />
        </div>
        <div>
          <Typography.Title level={2} style={{ color: '#fff', marginBottom: 12 }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.8)', fontSize: 16 }}>{t('app.tagline')}</Typography.Paragraph>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.55)' }}>{t('status.offline')}</Typography.Text>
      </aside>
      <main style={{ flex: 1, display: 'flex', flexDirection: 'column', background: '#f5f7fb' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
          <LanguageSwitch />
        </div>
        <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: 24 }}>
          <Card style={{ width, boxShadow: '0 6px 24px rgba(15,31,61,0.08)' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="auth-title">
              {title}
            </Typography.Title>
            {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
            {children}
          </Card>
        </div>
      </main>
    </div>
  );
}

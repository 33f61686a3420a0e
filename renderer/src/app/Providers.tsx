// Ant Design with the UI language's locale and the product's theme.
import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Language } from '../../../shared/validation';

export const brand = { primary: '#1677ff', siderBg: '#0f1f3d' };

export function Providers({ language, dark = false, children }: { language: Language; dark?: boolean; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={{
        algorithm: dark ? antTheme.darkAlgorithm : antTheme.defaultAlgorithm,
        token: {
          colorPrimary: brand.primary,
          borderRadius: 6,
          fontFamily:
            "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', Roboto, 'Helvetica Neue', Arial, sans-serif",
        },
        components: { Layout: { siderBg: brand.siderBg, headerBg: '#ffffff' } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

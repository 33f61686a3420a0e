import { CheckCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DbCheckReport } from '../../../../shared/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { BackupsCard } from '../archive/BackupsCard';

export function DatabasePanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [report, setReport] = useState<DbCheckReport | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      setReport(await call('db.check', {}));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
    <Card style={{ maxWidth: 720 }} extra={<Button onClick={() => void check()} loading={busy} data-testid="db-check">{t('database.check')}</Button>}>
      {report ? (
        <>
          <Result
            style={{ padding: 16 }}
            icon={report.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <WarningTwoTone twoToneColor="#faad14" />}
            title={report.ok ? t('database.ok') : t('database.problem')}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('database.integrity')}>{report.integrity.join('; ')}</Descriptions.Item>
            <Descriptions.Item label={t('database.chains')}>
              {report.chains.map((c) => (
                <Tag key={c.table} color={c.ok ? 'green' : 'red'}>
                  {c.table} · {t('database.rows', { count: c.rows })}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('database.schema')}>{report.userVersion}</Descriptions.Item>
            <Descriptions.Item label={t('database.size')}>{(report.sizeBytes / 1024).toFixed(0)} KB</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <Result status="info" title={t('database.check')} subTitle={t('home.dataSafetyHint')} />
      )}
    </Card>
    <BackupsCard />
    </Space>
  );
}

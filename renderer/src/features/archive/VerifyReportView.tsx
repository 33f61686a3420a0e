// What a verification found: every file, the counts, the chain heads, and the problems in words.
import { CheckCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { Alert, Descriptions, Result, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../../shared/archive';

export function VerifyReportView({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  return (
    <div data-testid="verify-report" data-ok={String(report.ok)}>
      <Result
        style={{ padding: 12 }}
        icon={report.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <WarningTwoTone twoToneColor="#faad14" />}
        title={report.ok ? t('archive.verifyOk') : t('archive.verifyBad')}
        subTitle={report.source}
      />
      {report.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('archive.problems')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {report.problems.map((p, i) => (
                <li key={i}>{t(`archive.verifyProblem.${p.key}`, p.params)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('archive.chains')}>
          {report.chains.map((c) => (
            <div key={c.table} style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {c.table} · #{c.seq} · {c.hash.slice(0, 16)}…{' '}
              <Tag color={c.archiveOk ? 'green' : 'red'}>{t('archive.chainArchive')}</Tag>
              {c.live ? <Tag color={c.live.ok ? 'green' : 'red'}>{t('archive.chainLive')}</Tag> : <Tag>{t('archive.chainNotChecked')}</Tag>}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.counts')}>
          {report.counts.map((c) => (
            <Tag key={c.name} color={c.ok ? 'green' : 'red'}>
              {t(`archive.sectionName.${c.name}`, { defaultValue: c.name })} · {c.ok ? c.stated : `${t('archive.stated')} ${c.stated} / ${t('archive.found')} ${c.found}`}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={report.files}
        columns={[
          { title: t('archive.files'), dataIndex: 'path', render: (p: string) => <span style={{ fontFamily: 'monospace' }}>{p}</span> },
          {
            title: '',
            dataIndex: 'ok',
            width: 140,
            render: (_: boolean, f) => (f.ok ? <Tag color="green">{t('archive.fileOk')}</Tag> : <Tag color="red">{t(`archive.problem.${f.problem}`)}</Tag>),
          },
        ]}
      />
    </div>
  );
}

// Step 3 of the import: the report of every bad row. A clean file is applied whole; a file with bad
// rows can skip them (after a confirmation) unless a problem concerns the whole file, or the admin
// goes back to the mapping or fixes the file and picks it again.
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract/customers360';
import type { ImportField, RowProblem } from '../../../../shared/customers/importLayout';

export function ImportReportStep(props: {
  report: ImportReport;
  fieldLabel(f: ImportField | null): string;
  busy: boolean;
  onBack(): void;
  onAgain(): void;
  onApply(skipInvalid: boolean): void;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const badRows = new Set(report.problems.map((p) => p.row)).size;
  const fileLevel = report.problems.some((p) => p.field === null || p.messageKey === 'import.nameNotMapped');
  return (
    <Flex vertical gap={16}>
      {report.problems.length === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={t('customerImport.allGood', { total: report.total })} description={t('customerImport.allOrNothing')} data-testid="import-summary" />
      ) : (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          message={t('customerImport.summary', { total: report.total, valid: report.validCount, bad: badRows })}
          description={t('customerImport.allOrNothing')}
          data-testid="import-summary"
        />
      )}
      {report.problems.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('customerImport.problemsTitle')}
          </Typography.Title>
          <Table<RowProblem>
            size="small"
            data-testid="import-problems"
            rowKey={(p) => `${p.row}-${p.field ?? ''}-${p.messageKey}-${p.value}`}
            dataSource={report.problems}
            pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: t('customerImport.problem.row'), dataIndex: 'row', width: 64 },
              { title: t('customerImport.problem.field'), key: 'field', width: 120, render: (_, p) => props.fieldLabel(p.field) },
              { title: t('customerImport.problem.message'), key: 'message', render: (_, p) => t(p.messageKey) },
              { title: t('customerImport.problem.value'), dataIndex: 'value', ellipsis: true, render: (v: string) => <Typography.Text code={!!v}>{v}</Typography.Text> },
            ]}
          />
        </>
      )}
      <Flex justify="space-between">
        <Space>
          <Button onClick={props.onBack} disabled={props.busy} data-testid="import-back">
            {t('customerImport.back')}
          </Button>
          <Button onClick={props.onAgain} disabled={props.busy} data-testid="import-again">
            {t('customerImport.chooseAgain')}
          </Button>
        </Space>
        {report.problems.length === 0 ? (
          <Button type="primary" loading={props.busy} onClick={() => props.onApply(false)} data-testid="import-apply">
            {t('customerImport.apply', { count: report.validCount })}
          </Button>
        ) : (
          !fileLevel &&
          report.validCount > 0 && (
            <Popconfirm title={t('customerImport.confirmSkip', { bad: badRows })} onConfirm={() => props.onApply(true)} okButtonProps={{ 'data-testid': 'import-skip-confirm' } as Record<`data-${string}`, string>}>
              <Button type="primary" loading={props.busy} data-testid="import-apply-skipping">
                {t('customerImport.applySkipping', { bad: badRows, count: report.validCount })}
              </Button>
            </Popconfirm>
          )
        )}
      </Flex>
    </Flex>
  );
}

import { describe, expect, it } from 'vitest';
import { archiveWorkerScript, BUILT_WORKER } from '../../../electron/core/services/archive/tablesJob';
import { localTimeFormatter } from '../../../electron/core/services/archive/timeText';
import { columnLetters, textCellXml, xmlAttr, xmlText } from '../../../electron/core/services/archive/xlsx';
import { cliLanguage } from '../../../electron/cli/language';
import { verifyProblemText } from '../../../shared/archiveProblems';

describe('the archive’s XLSX cells', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('escapes markup, drops characters XML cannot hold, keeps quotes in text', () => {
    expect(xmlText('a<b & "c">')).toBe('a&lt;b &amp; "c"&gt;');
    expect(xmlText('铃\u0007声\u0000')).toBe('铃声');
    expect(xmlText('{"status":"new"}')).toBe('{"status":"new"}');
    expect(xmlAttr('工单 "A"')).toBe('工单 &quot;A&quot;');
  });
  it('keeps leading and trailing spaces and line breaks', () => {
    expect(textCellXml('B3', ' x')).toBe('<c r="B3" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>');
    expect(textCellXml('B3', 'a\nb')).toContain('xml:space="preserve"');
    expect(textCellXml('B3', '普通')).toBe('<c r="B3" t="inlineStr"><is><t>普通</t></is></c>');
  });
});

describe('times in the centre’s zone', () => {
  it('formats instants as the centre reads them, across days and a DST change', () => {
    const sh = localTimeFormatter('Asia/Shanghai');
    expect(sh(Date.parse('2026-03-03T01:00:00Z'))).toBe('2026-03-03 09:00:00');
    expect(sh(Date.parse('2026-03-31T16:00:05Z'))).toBe('2026-04-01 00:00:05');
    const ny = localTimeFormatter('America/New_York');
    expect(ny(Date.parse('2026-03-08T06:59:59Z'))).toBe('2026-03-08 01:59:59');
    expect(ny(Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08 03:00:00');
  });
});

describe('where the archive worker is', () => {
  it('runs from source through tsx when there is no built file', () => {
    expect(archiveWorkerScript('/src/electron/core/services/archive', () => false)).toEqual({ source: 'tsx', entry: '/src/electron/core/services/archive/tablesWorker.ts' });
  });
  it('uses the built file beside the bundle, or one folder up from a chunk', () => {
    const built = new Set(['/app/out/main/archiveWorker.js']);
    expect(archiveWorkerScript('/app/out/main', (p) => built.has(p))).toEqual({ file: '/app/out/main/archiveWorker.js' });
    expect(archiveWorkerScript('/app/out/main/chunks', (p) => built.has(p))).toEqual({ file: '/app/out/main/archiveWorker.js' });
  });
  it('in a packaged app, prefers an unpacked twin and otherwise loads it from app.asar', () => {
    const asar = `/opt/Kefu Desk/resources/app.asar/out/main/${BUILT_WORKER}`;
    const unpacked = `/opt/Kefu Desk/resources/app.asar.unpacked/out/main/${BUILT_WORKER}`;
    expect(archiveWorkerScript('/opt/Kefu Desk/resources/app.asar/out/main', (p) => p === asar)).toEqual({ file: asar });
    expect(archiveWorkerScript('/opt/Kefu Desk/resources/app.asar/out/main', (p) => p === asar || p === unpacked)).toEqual({ file: unpacked });
  });
});

describe('verify problems in the CLI’s language', () => {
  it('picks Chinese from the locale, English otherwise', () => {
    expect(cliLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage({ KEFU_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });
  it('fills the template’s parameters', () => {
    const p = { key: 'checksumMismatch', params: { path: 'data/tickets.csv', manifest: 'manifest-sha256.txt' } } as const;
    expect(verifyProblemText(p, 'en')).toBe('data/tickets.csv does not match its checksum in manifest-sha256.txt: the file was changed.');
    expect(verifyProblemText(p, 'zh-CN')).toBe('data/tickets.csv 与 manifest-sha256.txt 中的校验和不符：文件已被修改。');
  });
});

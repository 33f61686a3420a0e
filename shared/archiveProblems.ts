// What a verification of an archive can find, as message keys with parameters: the screen shows
// them in the user's language (archive.verifyProblem.* in the archive feature's i18n), the CLI in
// its own (electron/cli/language.ts), both from these templates.

export const VERIFY_PROBLEM_TEXT = {
  zh: {
    fileMissing: '缺少 {{path}}。',
    listedButMissing: '{{path}} 列在 {{manifest}} 中，但文件不存在。',
    checksumMismatch: '{{path}} 与 {{manifest}} 中的校验和不符：文件已被修改。',
    manifestMalformed: '{{path}} 中有不是“<sha256>  <路径>”格式的行：文件已被修改。',
    notListed: '{{path}} 不在任何清单中。',
    extractMissing: '缺少 {{path}}：无法核对行数和哈希链。',
    extractUnreadable: '{{path}} 无法读取（{{message}}）。',
    countMismatch: 'bag-info.txt 记载 {{name}} 有 {{stated}} 行，month.sqlite 中实际为 {{found}} 行。',
    countTableMissing: 'bag-info.txt 记载 {{name}} 有 {{stated}} 行，month.sqlite 中没有这张表。',
    rowDoesNotRecompute: 'month.sqlite 的 {{table}} 中，记录 {{row}} 重算后与其哈希不符。',
    headMismatch: '{{table}}：归档的记录止于 {{lastSeq}} {{lastHash}}，bag-info.txt 记载的链头为 {{seq}} {{hash}}。',
    liveChainBroken: '本机数据库的 {{table}}：哈希链已断开。',
    historyRewritten: '{{table}}：本机数据库在序号 {{seq}} 处为 {{liveHash}}，归档记录的是 {{hash}}：月末之前的历史在归档之后被改写过。',
    rowDiffersFromLive: '{{table}}：归档中的记录 {{row}} 与本机数据库不同。',
  },
  en: {
    fileMissing: '{{path}} is missing.',
    listedButMissing: '{{path}} is listed in {{manifest}} but missing.',
    checksumMismatch: '{{path}} does not match its checksum in {{manifest}}: the file was changed.',
    manifestMalformed: '{{path}} has lines that are not "<sha256>  <path>": the file was changed.',
    notListed: '{{path}} is not listed in any manifest.',
    extractMissing: '{{path}} is missing: counts and chains cannot be checked.',
    extractUnreadable: '{{path}} could not be read ({{message}}).',
    countMismatch: 'bag-info.txt states {{stated}} rows of {{name}}; month.sqlite holds {{found}}.',
    countTableMissing: 'bag-info.txt states {{stated}} rows of {{name}}; month.sqlite has no such table.',
    rowDoesNotRecompute: '{{table}} in month.sqlite: the row {{row}} does not recompute to its hash.',
    headMismatch: '{{table}}: the archived rows end at {{lastSeq}} {{lastHash}}, bag-info.txt states the head {{seq}} {{hash}}.',
    liveChainBroken: '{{table}} in the live database: its hash chain is broken.',
    historyRewritten:
      "{{table}}: the live database holds {{liveHash}} at seq {{seq}} where the archive recorded {{hash}}: the history up to the month's end was rewritten after it was archived.",
    rowDiffersFromLive: '{{table}}: the archived row {{row}} differs from the live database.',
  },
} as const;

export type VerifyProblemKey = keyof (typeof VERIFY_PROBLEM_TEXT)['en'];

export interface VerifyProblem {
  key: VerifyProblemKey;
  params: Record<string, string | number>;
}

export type ProblemLanguage = 'zh-CN' | 'en';

/** The problem as a sentence (the same interpolation as i18next's {{name}}). */
export function verifyProblemText(p: VerifyProblem, language: ProblemLanguage): string {
  const template: string = VERIFY_PROBLEM_TEXT[language === 'zh-CN' ? 'zh' : 'en'][p.key] ?? p.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(p.params[name] ?? ''));
}

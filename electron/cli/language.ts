// The CLI's language: KEFU_LANG, else the shell's locale (zh* is Chinese), else English.
import type { ProblemLanguage } from '../../shared/archiveProblems';

export function cliLanguage(env: Record<string, string | undefined> = process.env): ProblemLanguage {
  const tag = env.KEFU_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(tag) ? 'zh-CN' : 'en';
}

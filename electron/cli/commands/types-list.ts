// `types`: the request-type catalogue with its SLA targets, as the centre has it (or the defaults).
import { parseArgs } from 'node:util';
import { withSlaSource } from './catalogue-source';
import { printJson, type CliCommand } from './types';

export const typesList: CliCommand = {
  name: 'types',
  usage: 'types [--data <dir>]',
  summary: 'the request types and their standard and key-account targets, as JSON',
  async run(args) {
    parseArgs({ args, options: { data: { type: 'string' } }, strict: true, allowPositionals: false });
    return withSlaSource(args, (source) => {
      const types = source.listTypes().map(({ code, names, category, standard, keyAccount, active }) => ({
        code,
        names,
        category,
        standard,
        keyAccount,
        active,
      }));
      printJson({ source: source.source, types });
      return 0;
    });
  },
};

// The import boundaries of DESIGN.md are enforced by the lint configuration; these tests prove a
// violation fails the lint, so the rule cannot silently stop working.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuses electron/ and electron in the renderer', async () => {
    expect(await importErrors('renderer/src/x.ts', "import { createCore } from '../../electron/core';\nexport const c = createCore;\n")).not.toHaveLength(0);
    expect(await importErrors('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).not.toHaveLength(0);
  });

  it('refuses either side, and Node built-ins, in shared/', async () => {
    expect(await importErrors('shared/x.ts', "import { api } from '../renderer/src/api';\nexport const a = api;\n")).not.toHaveLength(0);
    expect(await importErrors('shared/x.ts', "import { createCore } from '../electron/core';\nexport const c = createCore;\n")).not.toHaveLength(0);
    expect(await importErrors('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).not.toHaveLength(0);
  });

  it("refuses 'electron' in the core and the CLI, allows it in main and preload", async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await importErrors('electron/core/x.ts', code)).not.toHaveLength(0);
    expect(await importErrors('electron/cli/x.ts', code)).not.toHaveLength(0);
    expect(await importErrors('electron/main/x.ts', code)).toHaveLength(0);
    expect(await importErrors('electron/preload/x.ts', code)).toHaveLength(0);
  });

  it('lets the renderer import shared/', async () => {
    expect(await importErrors('renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const c = contract;\n")).toHaveLength(0);
  });
});

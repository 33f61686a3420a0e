// The packaging config is checked here, where there is no Electron to package with: against
// electron-builder's own JSON schema (so a misspelt key fails now, not on the release machine)
// and for the security settings that must not drift.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// ajv and js-yaml come with electron-builder; resolved from there rather than declared again.
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const Ajv = fromBuilder('ajv') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const schema = fromBuilder('./scheme.json') as object;

const root = join(__dirname, '../../..');
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const section = (key: string) => config[key] as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? null, JSON.stringify(validate.errors)).toBeNull();
    expect(valid).toBe(true);
  });
  it('names the app', () => {
    expect(config.appId).toBe('cn.kefu.desk');
    expect(config.productName).toBe('Kefu Desk');
  });
  it('flips the fuses that close code-injection doors', () =>
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    }));
  it('packages the build output and unpacks the native SQLite module', () => {
    expect(config.files).toContain('out/**');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });
  it('ships the icons the shell loads at run time, unpacked', () => {
    expect(config.files).toContain('resources/*.png');
    expect(config.asarUnpack).toContain('resources/*.png');
  });
  it('does not rebuild better-sqlite3: its Node-API binary loads in Electron as shipped', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });
  it('ships nothing that no code reads (the calendars are bundled into the code)', () => expect(config.extraResources).toBeUndefined());
  it('builds nsis + portable, dmg, AppImage + deb', () => {
    expect(section('win').target).toEqual(['nsis', 'portable']);
    expect(section('mac').target).toEqual(['dmg']);
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
  });
  it('never deletes the centre data on uninstall', () => expect(section('nsis').deleteAppDataOnUninstall).toBe(false));
});

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readWindowState, windowStateFileIn, writeWindowState } from '../../../../electron/main/window-state-file';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-window-state-'));
  file = windowStateFileIn(dir);
});

const wallboard = { displayId: 2, bounds: { x: 10, y: 20, width: 1280, height: 720 }, fullScreen: true };

describe('window-state.json', () => {
  it('lives in the userData folder under its documented name', () => expect(file).toBe(join(dir, 'window-state.json')));
  it('round-trips the wall-board state', () => {
    writeWindowState(file, { wallboard });
    expect(readWindowState(file)).toEqual({ wallboard });
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });
  it('leaves no temp file behind', () => {
    writeWindowState(file, { wallboard });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });
  it('reads a missing file as no saved state', () => expect(readWindowState(file)).toEqual({ wallboard: null }));
  it('reads a garbled file as no saved state', () => {
    writeFileSync(file, '{"wallboard": {"displayId": 2, "bou');
    expect(readWindowState(file)).toEqual({ wallboard: null });
    writeFileSync(file, '[1,2,3]');
    expect(readWindowState(file)).toEqual({ wallboard: null });
  });
  it('creates the folder when it does not exist yet', () => {
    const nested = join(dir, 'not', 'yet', 'window-state.json');
    writeWindowState(nested, { wallboard });
    expect(readWindowState(nested).wallboard).toEqual(wallboard);
  });
});

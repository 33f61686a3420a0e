import { describe, expect, it } from 'vitest';
import {
  chooseDisplay,
  clampInto,
  parseWallboardState,
  restoreWallboardPlacement,
  WALLBOARD_DEFAULT_SIZE,
  type DisplayInfo,
  type WallboardState,
} from '../../../../electron/main/wallboard-state';

const laptop: DisplayInfo = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const tv: DisplayInfo = { id: 7, workArea: { x: 1920, y: 0, width: 3840, height: 2160 } };
const onTv: WallboardState = { displayId: 7, bounds: { x: 2200, y: 100, width: 1600, height: 900 }, fullScreen: true };

describe('restoreWallboardPlacement', () => {
  it('puts the wall-board back on the same monitor, size and full-screen state', () => {
    expect(restoreWallboardPlacement(onTv, [laptop, tv], laptop)).toEqual({ bounds: onTv.bounds, fullScreen: true });
  });
  it('centres a first-time wall-board on the primary monitor, not full screen', () => {
    const p = restoreWallboardPlacement(null, [laptop, tv], laptop);
    expect(p.fullScreen).toBe(false);
    expect(p.bounds).toEqual({
      x: (1920 - WALLBOARD_DEFAULT_SIZE.width) / 2,
      y: (1040 - WALLBOARD_DEFAULT_SIZE.height) / 2,
      ...WALLBOARD_DEFAULT_SIZE,
    });
  });
  it('falls back to the primary monitor when the TV is unplugged, fully visible there', () => {
    const p = restoreWallboardPlacement(onTv, [laptop], laptop);
    expect(p.fullScreen).toBe(true);
    expect(p.bounds.x).toBeGreaterThanOrEqual(0);
    expect(p.bounds.x + p.bounds.width).toBeLessThanOrEqual(1920);
    expect(p.bounds.y + p.bounds.height).toBeLessThanOrEqual(1040);
  });
  it('finds a renumbered monitor by where the window was', () => {
    const renumbered: DisplayInfo = { ...tv, id: 99 };
    expect(chooseDisplay(onTv, [laptop, renumbered], laptop)).toBe(renumbered);
  });
  it('shrinks a window larger than its monitor', () => {
    const huge: WallboardState = { displayId: 1, bounds: { x: -50, y: -50, width: 5000, height: 3000 }, fullScreen: false };
    expect(restoreWallboardPlacement(huge, [laptop], laptop).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });
});

describe('clampInto', () => {
  it('moves a window that hangs off the right and bottom edges back in', () =>
    expect(clampInto({ x: 1800, y: 1000, width: 800, height: 600 }, laptop.workArea)).toEqual({ x: 1120, y: 440, width: 800, height: 600 }));
  it('keeps a window that already fits', () =>
    expect(clampInto({ x: 100, y: 100, width: 800, height: 600 }, laptop.workArea)).toEqual({ x: 100, y: 100, width: 800, height: 600 }));
  it('grows a window below the minimum size', () =>
    expect(clampInto({ x: 0, y: 0, width: 10, height: 10 }, laptop.workArea)).toEqual({ x: 0, y: 0, width: 640, height: 400 }));
});

describe('parseWallboardState', () => {
  it('reads a saved state back', () => expect(parseWallboardState(JSON.parse(JSON.stringify(onTv)))).toEqual(onTv));
  it('treats anything malformed as absent', () => {
    for (const bad of [null, 'x', 42, {}, { ...onTv, fullScreen: 'yes' }, { ...onTv, displayId: '7' }, { ...onTv, bounds: { x: 0, y: 0, width: 0, height: 10 } }, { ...onTv, bounds: { x: NaN, y: 0, width: 1, height: 1 } }]) {
      expect(parseWallboardState(bad)).toBeNull();
    }
  });
});

// Where the wall-board window goes when it opens again: the same monitor, size and full-screen
// state as last time — unless that monitor is gone (a TV unplugged, a laptop undocked), in which
// case it lands on a monitor that exists, fully visible. Pure: displays come in as data.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts of Electron's Display we use. */
export interface DisplayInfo {
  id: number;
  workArea: Rect;
}

export interface WallboardState {
  displayId: number;
  /** The window's normal (not full-screen, not maximised) bounds. */
  bounds: Rect;
  fullScreen: boolean;
}

export interface WallboardPlacement {
  bounds: Rect;
  fullScreen: boolean;
}

export const WALLBOARD_DEFAULT_SIZE = { width: 1280, height: 720 } as const;
export const WALLBOARD_MIN_SIZE = { width: 640, height: 400 } as const;

/** Reads a saved state that came from a JSON file: anything malformed is treated as absent. */
export function parseWallboardState(value: unknown): WallboardState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const bounds = parseRect(v.bounds);
  if (!isFiniteNumber(v.displayId) || !bounds || typeof v.fullScreen !== 'boolean') return null;
  return { displayId: v.displayId, bounds, fullScreen: v.fullScreen };
}

function parseRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isFiniteNumber(r.x) || !isFiniteNumber(r.y) || !isFiniteNumber(r.width) || !isFiniteNumber(r.height)) {
    return null;
  }
  if (r.width <= 0 || r.height <= 0) return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The display to open on: the saved one if it still exists; else the one the saved bounds overlap
 * most (Windows may renumber monitors after a reboot); else the primary.
 */
export function chooseDisplay(saved: WallboardState | null, displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo {
  if (!saved) return primary;
  const same = displays.find((d) => d.id === saved.displayId);
  if (same) return same;
  let best: DisplayInfo | null = null;
  let bestArea = 0;
  for (const d of displays) {
    const area = overlapArea(d.workArea, saved.bounds);
    if (area > bestArea) {
      best = d;
      bestArea = area;
    }
  }
  return best ?? primary;
}

export function restoreWallboardPlacement(
  saved: WallboardState | null,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
): WallboardPlacement {
  const display = chooseDisplay(saved, displays, primary);
  if (!saved) return { bounds: centreIn(display.workArea, WALLBOARD_DEFAULT_SIZE), fullScreen: false };
  return { bounds: clampInto(saved.bounds, display.workArea), fullScreen: saved.fullScreen };
}

/** Fits a rectangle inside an area: shrinks it if too big, then moves it in. */
export function clampInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, WALLBOARD_MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(bounds.height, WALLBOARD_MIN_SIZE.height), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

function centreIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

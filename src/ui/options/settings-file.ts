/**
 * Export and import of all the settings as one JSON file (to move to another computer, or keep a copy), pure.
 * The file says what it is; on import each part is checked by the storage layer's own validators (which drop what
 * they cannot use), and the user is told what the file held before anything is written.
 */

export const SETTINGS_FORMAT = 'prospect-guard-settings';
export const SETTINGS_VERSION = 1;
/** A settings file larger than this is not one of ours. */
export const MAX_SETTINGS_FILE = 20 * 1024 * 1024;

export interface SettingsFile<S = unknown, O = unknown, C = unknown> {
  format: typeof SETTINGS_FORMAT;
  version: number;
  exportedAt: string;
  settings: S;
  overrides: O;
  consents: C;
}

export function exportSettingsFile<S, O, C>(parts: { settings: S; overrides: O; consents: C }, now = new Date()): string {
  const file: SettingsFile<S, O, C> = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), ...parts };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type SettingsFileProblem = 'too-large' | 'not-json' | 'not-ours' | 'newer-version';

export interface Validators<S, O, C> {
  settings(raw: unknown): S;
  overrides(raw: unknown): O;
  consents(raw: unknown): C;
}

export type ParsedSettingsFile<S, O, C> =
  | { ok: true; settings: S; overrides: O; consents: C; exportedAt: string | null; counts: { overrides: number; consents: number } }
  | { ok: false; problem: SettingsFileProblem };

export function parseSettingsFile<S, O, C>(text: string, v: Validators<S, O, C>): ParsedSettingsFile<S, O, C> {
  if (text.length > MAX_SETTINGS_FILE) return { ok: false, problem: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SETTINGS_FORMAT) return { ok: false, problem: 'not-ours' };
  const f = raw as Partial<SettingsFile>;
  if (typeof f.version !== 'number' || f.version > SETTINGS_VERSION) return { ok: false, problem: 'newer-version' };
  const overrides = v.overrides(f.overrides);
  const consents = v.consents(f.consents);
  const size = (x: unknown) => (x && typeof x === 'object' ? Object.keys(x).length : 0);
  return {
    ok: true,
    settings: v.settings(f.settings),
    overrides,
    consents,
    exportedAt: typeof f.exportedAt === 'string' ? f.exportedAt : null,
    counts: { overrides: size(overrides), consents: size(consents) },
  };
}

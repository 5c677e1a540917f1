/**
 * The team policy in the background worker: reads the extension's managed storage (enterprise policy), keeps the
 * parsed policy, re-reads it when the administrator changes it, and hands the shared suppression list to the store.
 * The worker asks `current()` whenever it computes the effective settings (policy.ts applyPolicy).
 *
 * A browser without managed storage (no policy set, Firefox without policies.json) rejects `storage.managed.get`:
 * that is "no policy", not an error.
 */
import { parseManagedPolicy, type ManagedPolicy, type PolicyProblem } from './policy';

export interface ManagedArea {
  get(keys?: null): Promise<Record<string, unknown>>;
}

export interface PolicyServiceDeps {
  managed: ManagedArea | undefined;
  /** storage.onChanged (areaName 'managed' when the administrator changes the policy). */
  onChanged?: { addListener(cb: (changes: Record<string, unknown>, areaName: string) => void): void };
  /** Where the shared suppression list goes (SuppressionStore.setManaged). */
  setManagedSuppression?: (entries: readonly string[], managedBy?: string) => Promise<unknown>;
  onProblems?: (problems: PolicyProblem[]) => void;
}

export interface PolicyState {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
  /** Whether any policy is set at all. */
  present: boolean;
}

export function createPolicyService(deps: PolicyServiceDeps) {
  let state: Promise<PolicyState> | null = null;
  const listeners = new Set<(s: PolicyState) => void>();

  const read = async (): Promise<PolicyState> => {
    let raw: Record<string, unknown> = {};
    try {
      raw = (await deps.managed?.get(null)) ?? {};
    } catch {
      raw = {};
    }
    const { policy, problems } = parseManagedPolicy(raw);
    if (problems.length) deps.onProblems?.(problems);
    const s: PolicyState = { policy, problems, present: Object.keys(raw).length > 0 };
    if (deps.setManagedSuppression) {
      // Failing to store the shared list must not stop the rest of the policy from applying.
      await deps.setManagedSuppression(policy.suppressionList ?? [], policy.managedBy).catch(() => undefined);
    }
    return s;
  };

  const refresh = () => {
    state = read();
    void state.then((s) => listeners.forEach((l) => l(s)));
    return state;
  };

  deps.onChanged?.addListener((_changes, area) => {
    if (area === 'managed') void refresh();
  });

  return {
    /** The policy in force (read once, then on every change). */
    current(): Promise<PolicyState> {
      return state ?? refresh();
    },
    refresh,
    onUpdate(cb: (s: PolicyState) => void): () => void {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;

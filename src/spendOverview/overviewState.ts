/** What an open spend overview keeps over a window reload. */
export interface SpendOverviewState {
  readonly allMonths: boolean;
  readonly logarithmic: boolean;
}

export const INITIAL_STATE: SpendOverviewState = { allMonths: false, logarithmic: false };

/** A saved state as far as it is one; anything else is the initial state. */
export function parseSpendOverviewState(saved: unknown): SpendOverviewState {
  const state = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<Record<keyof SpendOverviewState, unknown>>;
  return { allMonths: state.allMonths === true, logarithmic: state.logarithmic === true };
}

// Type-check canary: a deliberate strict-mode error (noUncheckedIndexedAccess) that must be reported.
const values: number[] = [1, 2, 3];
export const first: number = values[0];

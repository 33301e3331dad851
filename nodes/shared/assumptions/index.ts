export * from './checks';
export type { AssumptionResult, Verdict } from './sampling';
export * from './session';
export { readAnyTime, TIME_FORM_NAMES, type TimeForm, timeFormOf } from './timeForms';

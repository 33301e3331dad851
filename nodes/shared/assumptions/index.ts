export * from './checks';
export * from './session';

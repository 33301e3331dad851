/** The write engine: a write operation declares a WriteSpec and runs runWrite (see writes-engine in docs/adding-an-operation.md). */
export * from './spec';
export { runWrite } from './engine';
export * from './documents';
export * from './fieldTable';
export * from './inputFields';
export * from './numbering';
export * from './orderNumbers';
export { replyWasLost, WHOLE_CALL_REFUSED } from './send';
export * from './values';
export * from './skuLines';

/** The write engine: a write operation declares a WriteSpec and runs it with runWrite (docs/adding-an-operation.md, "Adding a write"). */
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
export * from './errorListReply';
export * from './numberedDocuments';
export * from './documentProperties';

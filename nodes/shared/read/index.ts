export { lineItems } from './lineItems';
export { NO_RETRY, readRecords, readWindow, type ReadQuery, type RecordRead } from './readRecords';
export { recordShaper, shapeRecord } from './shapeRecord';

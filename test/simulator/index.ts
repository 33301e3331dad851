/** The WDT open API simulator: import everything from here. */
export { SimClock } from './clock';
export {
	WDT_EPOCH_SECONDS,
	formatCst,
	formatCstDay,
	parseCst,
	parseCstDateOrDateTime,
	toWdtTimestamp,
} from './cst';
export {
	DEMO_ORDERS,
	DEMO_PENDING_LOGISTICS,
	DEMO_REFUNDS,
	DEMO_SELF_OWNED_SHOP,
	DEMO_STOCK,
	demoExamples,
	seedDemoData,
	type DemoExamples,
} from './demo-data';
export {
	DOC_FIXTURE_FOLDER,
	docExampleReply,
	docExamplesFrom,
	fixtureDocExamples,
	readDocFixture,
	type DocExampleKind,
	type DocExampleMode,
	type DocExampleSource,
	type DocFixture,
} from './doc-examples';
export {
	DEFAULT_RANDOM_KINDS,
	FAULT_KINDS,
	FaultInjector,
	seededRandom,
	type DrawnFault,
	type FaultKind,
	type FaultOptions,
	type RandomFaultOptions,
} from './faults';
export { MethodRecords, genericMethodSpec, methodRecords, type ParamMatch } from './generic';
export {
	MAX_PAGE_SIZE,
	METHODS,
	PURCHASE_APPLY_SEARCH_MAX_WINDOW_MS,
	SEARCH_CANCEL_MAX_WINDOW_MS,
	WRITE_METHODS,
	WdtError,
	pagedData,
	type MethodCall,
	type MethodSpec,
	type Pager,
	type WdtReply,
} from './methods';
export {
	masterDataOf,
	setMasterData,
	type LogisticsRecord,
	type ProviderRecord,
	type MasterData,
	type ShopRecord,
	type WarehouseRecord,
} from './masterData';
export { failOtherOutReview, MAX_SPECS_PER_GOODS } from './pushes';
export { credentialData, DEFAULT_SELLER, type SellerAccount } from './sellers';
export {
	CONCURRENCY_LIMIT_MESSAGE,
	RATE_LIMIT_MESSAGE,
	TIMESTAMP_TOLERANCE_SECONDS,
	WdtSimulator,
	startSimulator,
	type BeforePageHook,
	type DocExampleOptions,
	type RecordedRequest,
	type RequestOutcomeStatus,
	type SimulatorOptions,
} from './server';
export { expectedSign, isValidSign, type SignedParams } from './signature';
export {
	DEFAULT_PAGING,
	DEFAULT_REPLY_CHOICES,
	GOODS,
	OTHER_OUT_STATUS,
	PROVIDER_NAMES,
	PURCHASE_APPLY_STATUS,
	STOCKOUT_STATUS,
	SimulatorStore,
	WAREHOUSE_NAMES,
	goodsInfo,
	type GoodsInfo,
	type OtherOutInput,
	type OtherOutRecord,
	type OtherOutStatusName,
	type PagingBehaviour,
	type PurchaseApplyInput,
	type PurchaseApplyLine,
	type PurchaseApplyRecord,
	type PurchaseApplyStatusName,
	type ReplyChoices,
	type StockoutInput,
	type StockoutRecord,
	type TradeRecord,
	type StockoutStatusName,
	type StoreOptions,
	type WindowEnds,
} from './store';
export { addGoods, changeGoods, changeSpec, GOODS_QUERY, type SpecChangeReading } from './goods';
export { demoFlowExamples, type DemoFlowExamples } from './demo-flows';
export { failReview, flowState } from './flows';
export { addInvoice, INVOICE_STATUS, INVOICES } from './invoices';
export {
	addPurchaseOrder,
	PURCHASE_ORDER_STATUS,
	PURCHASE_ORDERS,
	PURCHASE_STOCKINS,
	receivePurchase,
	type PurchaseOrderInput,
} from './purchaseOrders';
export {
	putRawRefund,
	RAW_REFUNDS,
	receiveRefund,
	REFUND_STOCKINS,
	type RefundStockinInput,
} from './refundsIn';
export {
	CHANGE_HISTORY,
	CHANGE_HISTORY_HOUR_MESSAGE,
	moveStock,
	SRC_ORDER_TYPE,
	stockOf,
	type StockMove,
} from './stockMoves';
export {
	addPlatformGoods,
	isSyncPending,
	PLATFORM_GOODS,
	SYNC_COUNT_MAX,
	SYNC_COUNT_MIN,
	SYNC_REPORT_EXAMPLE_FIELDS,
	SYNC_REPORT_TABLE_FIELDS,
} from './stockSync';
export {
	addStocktake,
	STOCKTAKE_LINES,
	STOCKTAKES,
	stocktakeLines,
	type StocktakeInput,
} from './stocktakes';
export {
	addTransfer,
	receiveTransfer,
	shipTransfer,
	TRANSFER_STATUS,
	TRANSFERS,
	type TransferInput,
} from './transfers';

/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * 48 simulated hours of the trigger, polled once a simulated minute through n8n's poll engine,
 * against the simulator's frozen clock (advanced one minute per poll), for each event
 * (LONG_RUN_EVENTS; "cancellation" below is a record becoming the event, "edit" a later change
 * of it) on n8n 1.x and 2.x persistence:
 *
 * - 600 cancellations at seeded random instants, and a burst of 220 inside 40 minutes (more
 *   than 100 in one one-hour window: two pages); a quarter of them become visible only after
 *   their `modified` time (replication lag up to 3 minutes);
 * - 40 cancellations from before the activation (never to be emitted);
 * - 20 % of the polls fail: WDT rate-limit replies, nginx HTML 502, dropped connections, on
 *   system.Core.now or on the search;
 * - a 6-hour outage (no polls; for n8n1 an n8n restart, so the trigger resumes from the static
 *   data saved in the database), whose catch-up poll fails on page 2 of the burst window;
 * - edits of stockouts already emitted (a new `modified`, still cancelled), one of them while
 *   its first event is still inside the overlap: not a new event (one event per stockout);
 * - n8n 2.x activation with hourly polling for the first 3 hours (the activation poll's state is
 *   not committed there), then a poll a minute;
 * - clock glitches: system.Core.now 2 hours ahead for two polls and a year ahead for one; both
 *   clocks stepping back 10 minutes;
 * - corrupt static data: a cursor as ISO string, `pausedUntil: 42`, a cursor "garbage", an
 *   `since` as unix ms with a broken rate-limit streak (all repairable: a reset memory could repeat
 *   what the overlap re-reads, see hardening.test.ts).
 *
 * Every cancelled stockout must be emitted exactly once: zero lost, zero duplicated, nothing
 * from before the activation.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findEvent } from '../../nodes/WdtTrigger/events';
import { goodsChangedAt } from '../../nodes/WdtTrigger/events/goodsChanged';
import {
	addGoods,
	changeGoods,
	changeSpec,
	DEFAULT_REPLY_CHOICES,
	GOODS_QUERY,
	seededRandom,
	type FaultKind,
	type RecordedRequest,
	type ReplyChoices,
	type StockoutStatusName,
	type WdtSimulator,
} from '../simulator';
import {
	CORE_NOW,
	eventKey,
	HOUR,
	MINUTE,
	onRequest,
	SEARCH_CANCEL,
	staticDataProblems,
	startTriggerRig,
	stats,
	T0,
	type TriggerRig,
} from './support';

const RUN_MINUTES = 48 * 60;
/** Fault-free polls after the 48 hours, for the last lagging cancellations. */
const DRAIN_MINUTES = 15;
const OUTAGE_START = 20 * 60;
const OUTAGE_END = 26 * 60; // the first poll after the outage
const RANDOM_CANCELLATIONS = 600;
const BURST = { count: 220, fromMs: T0 + 22 * HOUR + 10 * MINUTE, spanMs: 40 * MINUTE };
const OLD_CANCELLATIONS = 40;
const FAILED_POLL_RATE = 0.2;
const FAULT_KINDS: FaultKind[] = ['rateLimit', 'html502', 'drop'];
const MAX_LAG_MS = 3 * MINUTE;
/** Minutes at which a randomly chosen, already emitted stockout is edited (still cancelled). */
const RECANCEL_MINUTES = [400, 1000, 1300, 1800, 2600, 2870];
/** Polls of the first hours: hourly after the activation, then every minute. */
const HOURLY_UNTIL = 180;
/** system.Core.now answers this far ahead at these minutes. */
const CORE_NOW_SKEWS = new Map<number, number>([
	[700, 2 * HOUR],
	[701, 2 * HOUR],
	[1100, 365 * 24 * HOUR],
]);
/** No random faults here (a rate-limit pause lasts up to 10 minutes): the glitches meet a running poll. */
const QUIET_MINUTES: Array<[number, number]> = [
	[688, 702],
	[1088, 1101],
	[1688, 1702],
];
/** From this minute on, both clocks run 10 minutes behind. */
const STEP_BACK = { atMinute: 1700, byMs: 10 * MINUTE };
/** Static data corrupted (as a user or another version might) before the poll of these minutes. */
const CORRUPTIONS = new Map<number, (data: IDataObject) => IDataObject>([
	[900, (data) => ({ ...data, cursor: toIso(String(data.cursor)), pausedUntil: 42 })],
	[1650, (data) => ({ ...data, cursor: 'garbage' })],
	[
		2200,
		(data) => ({ ...data, since: Date.parse(toIso(String(data.since))), rateLimitStreak: 'x' }),
	],
]);
const toIso = (wdtTime: string) => new Date(`${wdtTime.replace(' ', 'T')}+08:00`).toISOString();
/** From here, the stockout emitted by the next emitting poll is re-cancelled one minute later. */
const QUICK_RECANCEL_FROM = 200;
/** Each run takes 15–40 s alone, and minutes on a machine shared with other work. */
const TIMEOUT_MS = 600_000;

let rig: TriggerRig;

beforeAll(async () => {
	// ~10,000 requests: leak-check the credential's secret and salt, not every sign (see support.ts).
	rig = await startTriggerRig({ registerSigns: false });
});

afterAll(async () => {
	await rig.close();
});

/**
 * The events under the long run. Each names the method it reads (where the faults land) and
 * how a record of the simulator becomes its event and is edited later.
 */
interface LongRunEvent<Status = unknown> {
	/** The trigger's Event parameter. */
	event: string;
	/** The WDT method the event reads (the random faults and the catch-up page-2 fault hit it). */
	method: string;
	/** The record's id field in the items. */
	idField: string;
	/** Whether a later change of an emitted record is an event too (New or Updated), or an edit. */
	editIsEvent: boolean;
	/** A record's status before it becomes an event. */
	pendingStatus: Status;
	/** Its status when it becomes an event (`random` is the run's seeded generator). */
	eventStatus(random: () => number): Status;
	/** Its status after a later edit. */
	editStatus: Status;
	/** Adds a record; returns its id. */
	add(sim: WdtSimulator, status: Status, modifiedMs: number, visibleAfterMs?: number): RecordId;
	/** Changes a record's status at `atMs`, visible after `lagMs`. */
	change(sim: WdtSimulator, id: RecordId, status: Status, atMs: number, lagMs: number): void;
	/** When an item's record last changed, as its event key has it; default its `modified`. */
	changedAt?(json: IDataObject): string;
	/** The simulator's reply readings for this run (default: DEFAULT_REPLY_CHOICES). */
	replies?: Partial<ReplyChoices>;
	/**
	 * Every change is a row of its own (stock movements: no id, a new movement each time), so the
	 * trigger remembers it under a key of its own that begins with the record's id and `|`.
	 */
	rowPerChange?: boolean;
}

type RecordId = number | string;
const REFUND_QUERY = 'aftersales.refund.Refund.search';
let lastRefundId = 70_000;
const PURCHASE_ORDER_QUERY = 'purchase.PurchaseOrder.queryWithDetail';
let lastPurchaseOrderId = 90_000;
const PURCHASE_STOCKIN_QUERY = 'wms.stockin.Purchase.queryWithDetail';
let lastStockinId = 95_000;
let lastGoodsId = 80_000;
const MOVEMENT_QUERY = 'wms.StockSpec.queryChangeHistory';
let lastMovementDoc = 60_000;
/** One movement of document `stockioNo` (the page's fields), created at `atMs`. */
const addMovement = (sim: WdtSimulator, stockioNo: string, atMs: number, visibleAfterMs?: number) =>
	sim.records(MOVEMENT_QUERY).add(
		{
			src_order_type: 10,
			type: 1,
			warehouse_name: 'Main',
			warehouse_no: 'WH01',
			spec_no: 'MUG-350',
			stock_num_old: atMs % 1000,
			num: 1,
			stock_num_new: (atMs % 1000) + 1,
			stockio_no: stockioNo,
			src_order_no: `CG${stockioNo}`,
			operator_name: 'system',
			remark: '',
			defect: false,
		},
		{ modifiedMs: atMs, visibleAfterMs },
	);
const REFUND_STOCKIN_QUERY = 'wms.stockin.Refund.queryWithDetail';
let lastRefundStockinId = 60_000;
let lastTransferId = 60_000;

const stockoutRecords = {
	idField: 'stockout_id',
	pendingStatus: 'toShip',
	add: (sim, status, modifiedMs, visibleAfterMs) =>
		sim.addStockout({ status, modifiedMs, visibleAfterMs }).stockoutId,
	change: (sim, id, status, atMs, lagMs) =>
		sim.modifyStockout(Number(id), { status, modifiedMs: atMs, visibleAfterMs: lagMs }),
} satisfies Partial<LongRunEvent<StockoutStatusName>>;

const LONG_RUN_EVENTS: LongRunEvent[] = [
	{
		...stockoutRecords,
		event: 'stockoutCancelled',
		method: SEARCH_CANCEL,
		editIsEvent: false,
		eventStatus: () => 'cancelled',
		editStatus: 'cancelled',
	} satisfies LongRunEvent<StockoutStatusName>,
	{
		// A third ship as delayed shipments (90), which carry consign_time (the reading in which 90
		// has shipped); an edit completes them (110): not a second event.
		...stockoutRecords,
		replies: { status90: 'shipped' },
		event: 'stockoutShipped',
		method: 'wms.stockout.Sales.queryWithDetail',
		editIsEvent: false,
		eventStatus: (random) => (random() < 1 / 3 ? 'delayedShipping' : 'done'),
		editStatus: 'done',
	} satisfies LongRunEvent<StockoutStatusName>,
	{
		// Orders change status (reviewed, shipped, completed); every change is an event.
		event: 'salesOrderChanged',
		method: 'sales.TradeQuery.queryWithDetail',
		idField: 'trade_id',
		editIsEvent: true,
		pendingStatus: 30,
		eventStatus: (random) => [55, 95, 110][Math.floor(random() * 3)],
		editStatus: 110,
		add: (sim, status, modifiedMs, visibleAfterMs) =>
			sim.addTrade({ status, modifiedMs, visibleAfterMs }).tradeId,
		change: (sim, id, status, atMs, lagMs) =>
			sim.modifyTrade(Number(id), { status, modifiedMs: atMs, visibleAfterMs: lagMs }),
	} satisfies LongRunEvent<number>,
	{
		// Refunds change status (reviewed, settled, completed); every change is an event.
		event: 'refundChanged',
		method: REFUND_QUERY,
		idField: 'refund_id',
		editIsEvent: true,
		pendingStatus: 20,
		eventStatus: (random) => [30, 80, 90][Math.floor(random() * 3)],
		editStatus: 90,
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const id = ++lastRefundId;
			sim.records(REFUND_QUERY).add({ refund_id: id, status }, { modifiedMs, visibleAfterMs });
			return id;
		},
		change: (sim, id, status, atMs, lagMs) =>
			sim.records(REFUND_QUERY).modify(
				(record) => record.refund_id === id,
				{ status },
				{
					modifiedMs: atMs,
					visibleAfterMs: lagMs,
				},
			),
	} satisfies LongRunEvent<number>,
	{
		// Half the changes are of a spec only, which (the page's example) leaves `modified` as it
		// was: the event key is the goods' latest change of any kind. Every change is an event.
		event: 'goodsChanged',
		method: GOODS_QUERY,
		idField: 'goods_id',
		editIsEvent: true,
		pendingStatus: 'goods',
		eventStatus: (random) => (random() < 0.5 ? 'spec' : 'goods'),
		editStatus: 'spec',
		add: (sim, _kind, modifiedMs, visibleAfterMs) => {
			const id = ++lastGoodsId;
			addGoods(sim, id, modifiedMs, {}, visibleAfterMs);
			return id;
		},
		change: (sim, id, kind, atMs, lagMs) =>
			kind === 'spec'
				? changeSpec(sim, Number(id), { retail_price: atMs % 1000 }, atMs, undefined, lagMs)
				: changeGoods(sim, Number(id), { remark: `at ${atMs}` }, atMs, lagMs),
		changedAt: goodsChangedAt,
	} satisfies LongRunEvent<'goods' | 'spec'>,
	{
		// Applies move on from editing (10); an edit references them (30), another status each
		// time (cancelled, 5, when it is already referenced): each is a status change, an event.
		event: 'purchaseApplyStatusChanged',
		method: 'purchase.PurchaseApply.search',
		idField: 'purchase_apply_no',
		editIsEvent: true,
		pendingStatus: 10,
		eventStatus: (random) => [20, 23, 25][Math.floor(random() * 3)],
		editStatus: 30,
		add: (sim, status, modifiedMs, visibleAfterMs) =>
			sim.addPurchaseApply({ status, modifiedMs, visibleAfterMs }).purchaseApplyNo,
		change: (sim, id, status, atMs, lagMs) => {
			const current = sim.purchaseApplies.get(String(id))?.status;
			sim.modifyPurchaseApply(String(id), {
				status: status === current ? 5 : status,
				modifiedMs: atMs,
				visibleAfterMs: lagMs,
			});
		},
	} satisfies LongRunEvent<number>,
	{
		// Purchase orders move on from editing (20); an edit completes them (90), or cancels them
		// (10) when they are complete already: each is a status change, an event.
		event: 'purchaseOrderStatusChanged',
		method: PURCHASE_ORDER_QUERY,
		idField: 'purchase_id',
		editIsEvent: true,
		pendingStatus: 20,
		eventStatus: (random) => [30, 40, 60][Math.floor(random() * 3)],
		editStatus: 90,
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const id = ++lastPurchaseOrderId;
			sim
				.records(PURCHASE_ORDER_QUERY)
				.add({ purchase_id: id, status }, { modifiedMs, visibleAfterMs });
			return id;
		},
		change: (sim, id, status, atMs, lagMs) => {
			const records = sim.records(PURCHASE_ORDER_QUERY);
			const current = records.find((record) => record.purchase_id === id)?.status;
			records.modify(
				(record) => record.purchase_id === id,
				{ status: status === current ? 10 : status },
				{ modifiedMs: atMs, visibleAfterMs: lagMs },
			);
		},
	} satisfies LongRunEvent<number>,
	{
		// Stock-ins are booked (editing 20 → awaiting review 30 or completed 80); a later edit
		// (completed, or a remark) is not a second event: one event per stock-in.
		event: 'purchaseStockinCreated',
		method: PURCHASE_STOCKIN_QUERY,
		idField: 'stockin_id',
		editIsEvent: false,
		pendingStatus: 20,
		eventStatus: (random) => (random() < 0.5 ? 30 : 80),
		editStatus: 80,
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const id = ++lastStockinId;
			sim
				.records(PURCHASE_STOCKIN_QUERY)
				.add({ stockin_id: id, order_no: `RK${id}`, status }, { modifiedMs, visibleAfterMs });
			return id;
		},
		change: (sim, id, status, atMs, lagMs) =>
			sim
				.records(PURCHASE_STOCKIN_QUERY)
				.modify(
					(record) => record.stockin_id === id,
					{ status, remark: `at ${atMs}` },
					{ modifiedMs: atMs, visibleAfterMs: lagMs },
				),
	} satisfies LongRunEvent<number>,
	{
		// Stock moves: a pending record is a document not booked yet; each booking (and each
		// later one of the same document) is a movement of its own, an event once.
		event: 'stockMoved',
		method: MOVEMENT_QUERY,
		idField: 'stockio_no',
		editIsEvent: true,
		rowPerChange: true,
		pendingStatus: 'pending',
		eventStatus: () => 'booked',
		editStatus: 'booked',
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const stockioNo = `IO${++lastMovementDoc}`;
			if (status === 'booked') addMovement(sim, stockioNo, modifiedMs, visibleAfterMs);
			return stockioNo;
		},
		change: (sim, id, _status, atMs, lagMs) => addMovement(sim, String(id), atMs, lagMs),
		changedAt: (json) => String(json.created),
	} satisfies LongRunEvent<'pending' | 'booked'>,
	{
		// Refund stock-ins complete (80) from editing (20); a later edit of a completed one (its
		// settlement) is not a second event: one event per stock-in.
		event: 'refundStockinReceived',
		method: REFUND_STOCKIN_QUERY,
		idField: 'stockin_id',
		editIsEvent: false,
		pendingStatus: 20,
		eventStatus: () => 80,
		editStatus: 80,
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const id = ++lastRefundStockinId;
			sim
				.records(REFUND_STOCKIN_QUERY)
				.add(
					{ stockin_id: id, order_no: `TR${id}`, status, details_list: [] },
					{ modifiedMs, visibleAfterMs },
				);
			return id;
		},
		change: (sim, id, status, atMs, lagMs) =>
			sim
				.records(REFUND_STOCKIN_QUERY)
				.modify(
					(record) => record.stockin_id === id,
					{ status },
					{ modifiedMs: atMs, visibleAfterMs: lagMs },
				),
	} satisfies LongRunEvent<number>,
	{
		// Transfers move on from editing (20); each new status is one event (transfer_id +
		// status); a change to the status a transfer already has cancels it instead (10).
		event: 'transferStatusChanged',
		method: 'wms.stocktransfer.Manage.queryWithDetail',
		idField: 'transfer_id',
		editIsEvent: true,
		pendingStatus: 20,
		eventStatus: (random) => [30, 40, 50, 90][Math.floor(random() * 4)],
		editStatus: 90,
		add: (sim, status, modifiedMs, visibleAfterMs) => {
			const id = ++lastTransferId;
			sim
				.records('wms.stocktransfer.Manage.queryWithDetail')
				.add({ transfer_id: id, transfer_no: `TF${id}`, status }, { modifiedMs, visibleAfterMs });
			return id;
		},
		change: (sim, id, status, atMs, lagMs) => {
			const transfers = sim.records('wms.stocktransfer.Manage.queryWithDetail');
			const current = transfers.find((record) => record.transfer_id === id)?.status;
			transfers.modify(
				(record) => record.transfer_id === id,
				{ status: status === current ? 10 : status },
				{ modifiedMs: atMs, visibleAfterMs: lagMs },
			);
		},
	} satisfies LongRunEvent<number>,
] as LongRunEvent[];

/** Whether the 6-hour outage is one window of the event's method (30 days), not several. */
const oneWindowCatchUp = (scenario: LongRunEvent) =>
	findEvent(scenario.event)!.maxWindowMs >= (OUTAGE_END - OUTAGE_START) * MINUTE;

interface Cancellation {
	stockoutId: RecordId;
	status: unknown;
	atMs: number;
	lagMs: number;
}

interface PollRecord {
	minute: number;
	calls: number;
	failed: boolean;
	paused: boolean;
	emitted: number;
}

describe.each(
	LONG_RUN_EVENTS.flatMap((scenario) =>
		(['n8n1', 'n8n2'] as const).map((persistence) => ({ scenario, persistence })),
	),
)('$scenario.event, $persistence: 48 simulated hours', ({ scenario, persistence }) => {
	it(
		'emits every event exactly once through failures, an outage, a page-2 fault, clock glitches, corrupt state and edits',
		async () => {
			const parameters = { event: scenario.event, options: {} };
			const { sim } = rig;
			sim.resetData('empty');
			sim.replies = { ...DEFAULT_REPLY_CHOICES, ...scenario.replies };
			sim.faults.clear();
			sim.clearRequests();
			rig.setTime(T0);
			const random = seededRandom(persistence === 'n8n1' ? 48_001 : 48_002);
			const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
			const lag = () => (random() < 0.25 ? between(5_000, MAX_LAG_MS) : 0);

			// --- arrange ----------------------------------------------------------------------------
			for (let i = 0; i < OLD_CANCELLATIONS; i++) {
				const status = scenario.eventStatus(random);
				const modifiedMs = T0 - between(2 * MINUTE, 72 * HOUR);
				scenario.add(sim, status, modifiedMs, lag());
			}
			const plan: Cancellation[] = [];
			const pool = () => ({
				stockoutId: scenario.add(sim, scenario.pendingStatus, T0 - 48 * HOUR),
			});
			for (let i = 0; i < RANDOM_CANCELLATIONS; i++) {
				plan.push({
					stockoutId: pool().stockoutId,
					status: scenario.eventStatus(random),
					atMs: T0 + between(MINUTE, RUN_MINUTES * MINUTE - 10 * MINUTE),
					lagMs: lag(),
				});
			}
			for (let i = 0; i < BURST.count; i++) {
				plan.push({
					stockoutId: pool().stockoutId,
					status: scenario.eventStatus(random),
					atMs: BURST.fromMs + between(0, BURST.spanMs),
					lagMs: lag(),
				});
			}
			plan.sort((a, b) => a.atMs - b.atMs);

			const expected = new Set<string>();
			const editKeys = new Set<string>();
			const latestKey = new Map<RecordId, string>();
			const emittedCount = new Map<string, number>();
			let lastEmittedId: RecordId | undefined;
			const cancel = (stockoutId: RecordId, status: unknown, atMs: number, lagMs: number) => {
				scenario.change(sim, stockoutId, status, atMs, lagMs);
				const key = eventKey(stockoutId, atMs);
				// A later change of an emitted record is an edit: one event per record, unless every
				// change is an event (New or Updated).
				if (latestKey.has(stockoutId)) editKeys.add(key);
				if (!latestKey.has(stockoutId) || scenario.editIsEvent) expected.add(key);
				latestKey.set(stockoutId, key);
			};
			let next = 0;
			const cancelDue = () => {
				for (; next < plan.length && plan[next].atMs <= rig.now(); next++) {
					cancel(plan[next].stockoutId, plan[next].status, plan[next].atMs, plan[next].lagMs);
				}
			};
			const recancels: string[] = [];
			const recancel = (stockoutId: RecordId) => {
				cancel(stockoutId, scenario.editStatus, rig.now() - between(0, 50_000), lag());
				recancels.push(latestKey.get(stockoutId)!);
			};
			const emittedIds = new Set<RecordId>();
			const emittedStockouts = () => [...emittedIds];
			let quickRecancel:
				| { stockoutId: RecordId; firstKey: string; rememberedThen: boolean }
				| 'waiting'
				| 'due'
				| undefined;

			// --- run ----------------------------------------------------------------------------------
			const activation = await rig.poll({
				persistence,
				parameters,
				staticData: {},
				activationPoll: true,
			});
			expect(activation.error).toBeUndefined();
			expect(activation.items).toBeNull();
			let staticData = activation.staticData;
			let persisted = activation.persistedStaticData;

			const polls: PollRecord[] = [];
			const problems: string[] = [];
			let maxRemembered = 0;
			const lagged = plan.filter((cancellation) => cancellation.lagMs > 0);
			let maxStaticDataBytes = 0;
			let catchUp:
				| { requests: RecordedRequest[]; error: unknown; emitted: number; pageFaults: number }
				| undefined;

			const warnings: string[] = [];
			for (let minute = 1; minute <= RUN_MINUTES + DRAIN_MINUTES; minute++) {
				if (minute < HOURLY_UNTIL && minute % 60 !== 0) continue;
				rig.setTime(T0 + minute * MINUTE - (minute >= STEP_BACK.atMinute ? STEP_BACK.byMs : 0));
				rig.skewCoreNow(CORE_NOW_SKEWS.get(minute) ?? 0);
				cancelDue();
				if (RECANCEL_MINUTES.includes(minute)) {
					const candidates = emittedStockouts();
					recancel(candidates[between(0, candidates.length - 1)]);
				}
				if (minute === QUICK_RECANCEL_FROM) quickRecancel = 'waiting';
				if (quickRecancel === 'due' && lastEmittedId !== undefined) {
					// Emitted by the previous poll: still inside the overlap the next poll re-reads.
					const firstKey = latestKey.get(lastEmittedId)!;
					const remembered = (staticData.emitted as Record<string, string> | undefined) ?? {};
					const rememberedThen = scenario.rowPerChange
						? Object.keys(remembered).some((key) => key.startsWith(`${lastEmittedId}|`))
						: remembered[lastEmittedId] !== undefined;
					quickRecancel = { stockoutId: lastEmittedId, firstKey, rememberedThen };
					recancel(lastEmittedId);
				}
				if (minute >= OUTAGE_START && minute < OUTAGE_END) continue;

				const restart = minute === OUTAGE_END;
				const corrupt = CORRUPTIONS.get(minute);
				if (corrupt) staticData = corrupt(staticData);
				let pageFaults = 0;
				const unhook = restart
					? // The catch-up poll: the first page 2 of a window fails with an nginx 502.
						onRequest(sim, (request) => {
							if (
								request.method === scenario.method &&
								request.pageNo === 1 &&
								pageFaults++ === 0
							) {
								return { kind: 'html502', delayMs: 0 };
							}
							return undefined;
						})
					: undefined;
				const quiet = QUIET_MINUTES.some(([from, to]) => minute >= from && minute <= to);
				if (!restart && !quiet && minute <= RUN_MINUTES && random() < FAILED_POLL_RATE) {
					const kind = FAULT_KINDS[between(0, FAULT_KINDS.length - 1)];
					sim.faults.next(kind, 1, random() < 0.4 ? CORE_NOW : scenario.method);
				}
				const result = await rig.poll({
					persistence,
					parameters,
					// n8n1 after a restart has only what the last emitting poll saved; n8n2 always the committed cursor.
					staticData: restart ? persisted : staticData,
					...(restart ? { activationPoll: true, activation: 'init' as const } : {}),
				});
				sim.faults.clear();
				unhook?.();

				for (const json of result.emitted) {
					const key = `${String(json[scenario.idField])}@${scenario.changedAt?.(json) ?? String(json.modified)}`;
					emittedCount.set(key, (emittedCount.get(key) ?? 0) + 1);
					lastEmittedId = json[scenario.idField] as RecordId;
					emittedIds.add(lastEmittedId);
				}
				if (quickRecancel === 'waiting' && result.emitted.length > 0) quickRecancel = 'due';
				if (restart) {
					catchUp = {
						requests: result.requests,
						error: result.error,
						emitted: result.emitted.length,
						pageFaults,
					};
				}
				polls.push({
					minute,
					calls: result.requests.length,
					// A rate-limited poll pauses and returns null (n8n 2.x keeps no state of a throwing poll).
					failed:
						result.error !== undefined ||
						result.warnings.some((warning) => warning.includes('WDT rate-limited this key')),
					paused: result.requests.length === 0,
					emitted: result.emitted.length,
				});
				// A poll that throws commits nothing on n8n 2.x, so a corruption it repaired comes back.
				if (result.error === undefined) {
					for (const problem of staticDataProblems(result.staticData, scenario.event))
						problems.push(`minute ${minute}: ${problem}`);
				}
				warnings.push(...result.warnings.map((warning) => `minute ${minute}: ${warning}`));
				maxRemembered = Math.max(
					maxRemembered,
					Object.keys((result.staticData.emitted as object | undefined) ?? {}).length,
				);
				maxStaticDataBytes = Math.max(maxStaticDataBytes, JSON.stringify(result.staticData).length);
				staticData = result.staticData;
				persisted = result.persistedStaticData;
			}

			// --- report -------------------------------------------------------------------------------
			const executed = polls.filter((poll) => !poll.paused);
			const failed = polls.filter((poll) => poll.failed);
			const all = stats(polls.map((poll) => poll.calls));
			const active = stats(executed.map((poll) => poll.calls));
			console.log(
				[
					`[${scenario.event}, ${persistence}] 48 h + ${DRAIN_MINUTES} min: ${polls.length} polls (${polls.filter((p) => p.paused).length} paused by the rate-limit back-off, ${failed.length} failed = ${Math.round((failed.length / executed.length) * 1000) / 10} % of the polls that called WDT)`,
					`  events: ${expected.size} expected (${recancels.length} edits of emitted records, ${scenario.editIsEvent ? 'events too' : 'not events'}; ${lagged.length} cancellations visible only after a lag of up to ${Math.max(...lagged.map((c) => c.lagMs)) / 1000} s), ${[...emittedCount.values()].reduce((a, b) => a + b, 0)} emitted`,
					`  API calls per poll, all polls:        min ${all.min} / median ${all.median} / max ${all.max} (mean ${all.mean}, total ${all.total})`,
					`  API calls per poll, polls that ran:   min ${active.min} / median ${active.median} / max ${active.max} (mean ${active.mean})`,
					`  catch-up poll after the outage: ${catchUp?.requests.length} calls, ${catchUp?.emitted} events, page-2 fault ${catchUp?.pageFaults ? 'hit' : 'missed'}`,
					`  static data: at most ${maxRemembered} remembered keys, ${maxStaticDataBytes} bytes of JSON`,
				].join('\n'),
			);

			// --- assert -------------------------------------------------------------------------------
			const duplicated = [...emittedCount].filter(([, count]) => count > 1).map(([key]) => key);
			const missing = [...expected].filter((key) => !emittedCount.has(key));
			const editsEmitted = scenario.editIsEvent
				? []
				: [...editKeys].filter((key) => emittedCount.has(key));
			const unexpected = [...emittedCount.keys()].filter((key) => !expected.has(key));
			// One event per stockout: each emitted once per stockout id, too.
			const ids = [...emittedCount.keys()].map((key) => key.split('@')[0]);
			const stockoutsTwice = scenario.editIsEvent
				? []
				: ids.filter((id, index) => ids.indexOf(id) !== index);
			expect({ missing, duplicated, unexpected, editsEmitted, stockoutsTwice }).toEqual({
				missing: [],
				duplicated: [],
				unexpected: [],
				editsEmitted: [],
				stockoutsTwice: [],
			});
			expect(expected.size).toBe(
				RANDOM_CANCELLATIONS + BURST.count + (scenario.editIsEvent ? editKeys.size : 0),
			);
			expect(editKeys.size).toBe(RECANCEL_MINUTES.length + 1);
			expect(problems).toEqual([]);
			// Every glitch and repair was noticed and logged.
			const log = warnings.join('\n');
			expect(log).toMatch(/minute 700: .*system\.Core\.now said 2024-11-22 23:40:00/);
			expect(log).toMatch(/minute 701: .*system\.Core\.now said 2024-11-22 23:41:00/);
			expect(log).toMatch(/minute 1100: .*system\.Core\.now said 2025-11-23 04:20:00/);
			expect(log).toMatch(/minute 1700: .*is behind the cursor/);
			expect(log).toMatch(/minute 900: .*cursor ".*Z" read as/);
			expect(log).toMatch(/minute 900: .*pause \{"pausedUntil":42/);
			expect(log).toMatch(/minute 1650: .*cursor was "garbage"; resuming from/);
			expect(log).toMatch(/minute 2200: .*since \d+ read as 2024-11-22 09:59:00/);

			// The scenario happened as intended.
			expect(failed.length / executed.length).toBeGreaterThan(0.15);
			expect(failed.length / executed.length).toBeLessThan(0.25);
			expect(polls.some((poll) => poll.minute >= OUTAGE_START && poll.minute < OUTAGE_END)).toBe(
				false,
			);
			expect(catchUp?.pageFaults).toBe(1);
			if (oneWindowCatchUp(scenario)) {
				// One 30-day window: the 502 on its page 2 fails the whole catch-up poll, which
				// commits nothing; the next poll reads it again (0 lost, 0 duplicated above).
				expect(catchUp?.error).toBeDefined();
				expect(catchUp?.emitted).toBe(0);
			} else {
				// Several one-hour windows: the 502 on page 2 of the burst window keeps the windows
				// read before it, and the poll does not fail.
				expect(catchUp?.error).toBeUndefined();
				expect(catchUp?.emitted).toBeGreaterThan(0);
			}
			expect(
				catchUp?.requests.some(
					(request) => request.pageNo === 1 && request.status === 'fault:html502',
				),
			).toBe(true);
			// Windows read: the calls' params differ by window only (pages go in page_no).
			const windowsRead = new Set(
				catchUp?.requests.filter((r) => r.method === scenario.method).map((r) => r.bodyText),
			).size;
			if (oneWindowCatchUp(scenario)) expect(windowsRead).toBe(1);
			else expect(windowsRead).toBeGreaterThan(1);
			// An edit of the stockout emitted a minute before, while it was still in the overlap:
			// not emitted again.
			expect(quickRecancel).toMatchObject({ rememberedThen: true });
			const quick = quickRecancel as { stockoutId: RecordId; firstKey: string };
			expect(emittedCount.get(quick.firstKey)).toBe(1);
			// (For New or Updated, the edit is an event of its own, emitted once.)
			expect(emittedCount.get(latestKey.get(quick.stockoutId)!)).toBe(
				scenario.editIsEvent ? 1 : undefined,
			);
			expect(recancels).toHaveLength(RECANCEL_MINUTES.length + 1);
			expect(lagged.length).toBeGreaterThan(100);
			expect(maxRemembered).toBeLessThanOrEqual(
				RANDOM_CANCELLATIONS + BURST.count + (scenario.rowPerChange ? editKeys.size : 0),
			);
		},
		TIMEOUT_MS,
	);
});

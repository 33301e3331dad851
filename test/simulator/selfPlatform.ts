/**
 * Self-owned platform writes: sales.RawTrade.pushSelf2 (raw orders, stored by shop and tid, so a
 * second push of a tid updates it) and sales.LogisticsSync.update (reports on the pending
 * logistics list that the generic handler serves for sales.LogisticsSync.getSyncListExt; a
 * record reported as synced or failed leaves the list, "还需同步" keeps it).
 * Replies carry only the pages' fields: `{chg_count, new_count, error_list: [{no, error}]}` and
 * a `data` list of messages.
 */
import { masterDataOf, setMasterData } from './masterData';
import type { SimulatorStore } from './store';
import { methodRecords } from './generic';
import { WdtError, type MethodSpec } from './methods';

/** platform_id 127: 其他（自有商城）, the platform code table's self-owned mall. */
export const SELF_OWNED_PLATFORM_ID = 127;

/** Adds a shop of the self-owned platform (the only kind pushSelf2 accepts) to the store's shops. */
export function addSelfOwnedShop(store: SimulatorStore, shopNo = 'MALL01'): void {
	const shops = masterDataOf(store).shops.filter((shop) => shop.shopNo !== shopNo);
	setMasterData(store, {
		shops: [
			...shops,
			{
				shopId: 900 + shops.length,
				shopNo,
				shopName: '自有商城',
				platformId: SELF_OWNED_PLATFORM_ID,
				isDisabled: false,
				authState: 1,
				modifiedMs: store.clock.now(),
			},
		],
	});
}

export const rawTradeKey = (shopNo: string, tid: string) => `${shopNo}\u0000${tid.toLowerCase()}`;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const rawTradePush: MethodSpec = {
	name: 'sales.RawTrade.pushSelf2',
	paged: false,
	write: true,
	argCount: 'any',
	run({ store, args, nowMs }) {
		const [shopArg, tradesArg, linesArg] = args;
		const shopNo = text(shopArg);
		if (!Array.isArray(tradesArg) || !Array.isArray(linesArg))
			throw new WdtError(1, 'argument type mismatch');
		// The vendor's error table (guide-qjbguide_cwmsm): these two refusals are about the shop.
		const shop = masterDataOf(store).shops.find((entry) => entry.shopNo === shopNo);
		if (!shop || shop.isDisabled) throw new WdtError(100, '店铺编号不存在或已停用');
		if (shop.platformId !== SELF_OWNED_PLATFORM_ID) throw new WdtError(100, '店铺平台不是自有平台');

		const lines = linesArg as Array<Record<string, unknown>>;
		const errorList: Array<{ no: string; error: string }> = [];
		let newCount = 0;
		let changedCount = 0;
		for (const raw of tradesArg as Array<Record<string, unknown>>) {
			const tid = text(raw?.tid);
			const own = lines.filter((line) => text(line?.tid).toLowerCase() === tid.toLowerCase());
			const key = rawTradeKey(shopNo, tid);
			const existing = store.rawTrades.get(key);
			// The page: oid must be unique under the seller; order_count is the number of lines.
			const takenOid = own
				.map((line) => text(line.oid))
				.find((oid) =>
					[...store.rawTrades.values()].some(
						(other) => other !== existing && other.lines.some((line) => text(line.oid) === oid),
					),
				);
			const problem =
				tid === ''
					? '原始单号不能为空'
					: [...tid].length > 40
						? '原始单号过长'
						: own.length === 0
							? '原始子单不能为空'
							: Number(raw.order_count) !== own.length
								? '子订单个数与原始子单数量不一致'
								: takenOid !== undefined
									? `原始子单号重复:${takenOid}`
									: undefined;
			if (problem) {
				errorList.push({ no: tid, error: problem });
				continue;
			}
			const counted = store.replies.pushCounts === 'lines' ? own.length : 1;
			if (existing) {
				Object.assign(existing, { trade: { ...raw }, lines: own.map((line) => ({ ...line })) });
				existing.modifiedMs = nowMs;
				existing.pushes++;
				changedCount += counted;
			} else {
				store.rawTrades.set(key, {
					shopNo,
					tid,
					trade: { ...raw },
					lines: own.map((line) => ({ ...line })),
					createdMs: nowMs,
					modifiedMs: nowMs,
					pushes: 1,
				});
				newCount += counted;
			}
		}
		return {
			status: 0,
			data: { chg_count: changedCount, new_count: newCount, error_list: errorList },
		};
	},
};

export const LOGISTICS_SYNC_LIST = 'sales.LogisticsSync.getSyncListExt';

/** The page's sync results: 0 同步成功, -100 还需同步, 2 同步失败. */
const SYNC_RESULTS = [0, -100, 2];

const logisticsSyncUpdate: MethodSpec = {
	name: 'sales.LogisticsSync.update',
	paged: false,
	write: true,
	argCount: 1,
	run({ store, args }) {
		const list = args[0];
		if (!Array.isArray(list)) throw new WdtError(1, 'argument type mismatch');
		const pending = methodRecords(store, LOGISTICS_SYNC_LIST);
		const messages: string[] = [];
		const fail = (syncId: string, message: string) =>
			messages.push(
				store.replies.logisticsUpdateMessages === 'naming' ? `${syncId}:${message}` : message,
			);
		for (const entry of list as Array<Record<string, unknown>>) {
			const syncId = text(entry?.sync_id);
			const status =
				entry?.status === undefined || entry.status === null || entry.status === ''
					? undefined
					: Number(entry.status);
			if (status === undefined) fail(syncId, '同步结果状态为空!');
			else if (!SYNC_RESULTS.includes(status)) fail(syncId, '同步结果状态不正确!');
			else {
				const isRecord = (record: Record<string, unknown>) => String(record.sync_id) === syncId;
				if (pending.count(isRecord) === 0) fail(syncId, '物流同步记录不存在!');
				else if (status !== -100) pending.remove(isRecord);
			}
		}
		return { status: 0, data: messages };
	},
};

export const SELF_PLATFORM_METHODS: readonly MethodSpec[] = [rawTradePush, logisticsSyncUpdate];

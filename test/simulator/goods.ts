/**
 * Goods for goods.Goods.queryWithSpec, which the generic catalog handler serves (generic.ts):
 * records of documented fields, selected by the time of their latest goods or spec change (the
 * page: start_time/end_time range over the goods' or a spec's last modified time).
 *
 * The page is silent on whether a spec change moves the goods' `modified`. Its reply example
 * suggests not (`modified` equals goods_modified, the spec's spec_modified is two months later),
 * so 'keepsGoodsModified' is the default reading; 'movesGoodsModified' is the other one.
 * goods_modified and spec_modified are millisecond timestamps, as in that example.
 */
import { methodRecords } from './generic';
import type { WdtSimulator } from './server';
import type { SimulatorStore } from './store';

export const GOODS_QUERY = 'goods.Goods.queryWithSpec';

export type SpecChangeReading = 'keepsGoodsModified' | 'movesGoodsModified';

type Fields = Record<string, unknown>;

const byId = (goodsId: number) => (record: Fields) => record.goods_id === goodsId;

/** The goods records; hide_deleted (no record field of that name) hides goods with deleted > 0. */
export const goodsRecords = (store: SimulatorStore) =>
	methodRecords(store, GOODS_QUERY).filter(
		'hide_deleted',
		(record, hide) => !(hide === true || hide === 1) || !Number(record.deleted),
	);

/** Adds goods with one spec, created and last changed at `modifiedMs`. */
export function addGoods(
	store: SimulatorStore,
	goodsId: number,
	modifiedMs: number,
	fields: Fields = {},
	visibleAfterMs?: number,
): Fields {
	return goodsRecords(store).add(
		{
			goods_id: goodsId,
			goods_no: `G${goodsId}`,
			goods_name: `Goods ${goodsId}`,
			goods_modified: modifiedMs,
			spec_count: 1,
			spec_list: [
				{
					goods_id: goodsId,
					spec_id: goodsId * 10,
					spec_no: `G${goodsId}-1`,
					spec_modified: modifiedMs,
				},
			],
			...fields,
		},
		{ modifiedMs, visibleAfterMs },
	);
}

/** Changes the goods' own fields at `atMs`: `modified` and goods_modified move. */
export function changeGoods(
	sim: WdtSimulator,
	goodsId: number,
	patch: Fields,
	atMs: number,
	visibleAfterMs?: number,
): Fields {
	return sim
		.records(GOODS_QUERY)
		.modify(
			byId(goodsId),
			{ ...patch, goods_modified: atMs },
			{ modifiedMs: atMs, visibleAfterMs },
		);
}

/** Changes the goods' first spec at `atMs` (spec_modified moves); `modified` per the reading. */
export function changeSpec(
	sim: WdtSimulator,
	goodsId: number,
	patch: Fields,
	atMs: number,
	reading: SpecChangeReading = 'keepsGoodsModified',
	visibleAfterMs?: number,
): Fields {
	const records = sim.records(GOODS_QUERY);
	const [goods] = records.select(sim, { goods_id: goodsId }, undefined, Infinity);
	const [spec, ...others] = goods.spec_list as Fields[];
	const changed: Fields = { spec_list: [{ ...spec, ...patch, spec_modified: atMs }, ...others] };
	if (reading === 'keepsGoodsModified') changed.modified = goods.modified;
	return records.modify(byId(goodsId), changed, { modifiedMs: atMs, visibleAfterMs });
}

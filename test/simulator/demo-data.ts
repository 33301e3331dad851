/**
 * The 'demo' seed: a little of everything, relative to the simulated now, so the CLI and
 * ad-hoc tests have something to look at. Deterministic for a given start time.
 */
import { seededRandom } from './faults';
import {
	OTHER_OUT_STATUS,
	PURCHASE_APPLY_STATUS,
	STOCKOUT_STATUS,
	type SimulatorStore,
} from './store';

const RECEIVERS = [
	'张伟',
	'王芳',
	'李娜',
	'刘洋',
	'陈静',
	'杨磊',
	'赵敏',
	'黄强',
	'周杰',
	'吴婷',
	'徐明',
	'孙丽',
	'马超',
	'朱琳',
	'胡军',
	'郭燕',
	'何平',
	'林涛',
	'高翔',
	'罗霞',
];
const AREAS = [
	'浙江省 杭州市 西湖区',
	'广东省 深圳市 南山区',
	'上海 上海市 浦东新区',
	'北京 北京市 朝阳区',
	'江苏省 南京市 鼓楼区',
	'四川省 成都市 武侯区',
];
const SHOPS = ['TMALL01', 'JD01', 'PDD01', 'DY01'];
const CARRIERS = ['SF14', 'YT75', 'ZTO73', 'JDVA'];
const CANCEL_REMARKS = [
	'买家申请退款',
	'地址填写错误，取消重发',
	'缺货取消',
	'重复下单',
	'客户要求改期发货',
];
const OTHER_REMARKS = ['', '', '客户要求周末送货', '请用加固包装', '赠品随单'];
const WAREHOUSES = ['WH01', 'WH02', '上海仓'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function seedDemoData(store: SimulatorStore): void {
	const now = store.clock.now();
	const random = seededRandom(20241122);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

	// Purchase applies: two in every status, created over the last few days.
	const applyStatuses = Object.values(PURCHASE_APPLY_STATUS);
	applyStatuses.forEach((status, index) => {
		for (let copy = 0; copy < 2; copy++) {
			const createdMs = now - (applyStatuses.length * 2 - (index * 2 + copy)) * 7 * HOUR;
			const referenced =
				status === PURCHASE_APPLY_STATUS.partlyReferenced
					? 4
					: status === PURCHASE_APPLY_STATUS.referenced
						? 10
						: 0;
			store.addPurchaseApply({
				status,
				applyName: '采购小王',
				warehouseNo: WAREHOUSES[(index + copy) % WAREHOUSES.length],
				remark: copy === 0 ? '月度补货' : '促销备货 加急',
				createdMs,
				modifiedMs: createdMs + 30 * MINUTE,
				expectedTimeMs: createdMs + 3 * DAY,
				details: [
					{ specNo: 'TS-001-BLK-M', num: 10, refNum: referenced, providerNo: 'GYS001' },
					{
						specNo: copy === 0 ? 'TS-001-WHT-L' : 'MUG-350',
						num: 20,
						providerNo: copy === 0 ? 'GYS001' : 'GYS002',
					},
				],
			});
		}
	});

	// Other-out orders: fixed numbers (like the doc's QC202409200002) so they are easy to type.
	Object.values(OTHER_OUT_STATUS).forEach((status, index) => {
		const createdMs = now - (8 - index) * DAY;
		store.addOtherOut({
			orderNo: `QC20240920${String(index + 1).padStart(4, '0')}`,
			status,
			warehouseNo: WAREHOUSES[index % WAREHOUSES.length],
			remark: pick(OTHER_REMARKS),
			createdMs,
			modifiedMs: createdMs + HOUR,
		});
	});

	// ~50 sales stockouts over the last 6 hours. Every fourth one was cancelled; as on the
	// searchCancel page, a cancellation's row shows the stockout's state now: most are still 5,
	// every third was restored and completed since (110, the status of the page's example).
	// The details (shop, receiver, logistics, …) are served only by Sales.queryWithDetail.
	const openStatuses = [
		STOCKOUT_STATUS.done,
		STOCKOUT_STATUS.toShip,
		STOCKOUT_STATUS.toPick,
		STOCKOUT_STATUS.picked,
		STOCKOUT_STATUS.toProcess,
	];
	for (let index = 0; index < 50; index++) {
		const modifiedMs = now - 6 * HOUR + Math.floor(((index + random()) / 50) * 6 * HOUR);
		const cancelled = index % 4 === 1;
		const restored = cancelled && index % 3 === 0;
		const carrier = pick(CARRIERS);
		store.addStockout({
			status: restored
				? STOCKOUT_STATUS.done
				: cancelled
					? STOCKOUT_STATUS.cancelled
					: pick(openStatuses),
			cancelled,
			modifiedMs,
			createdMs: modifiedMs - Math.floor(random() * 2 * HOUR),
			shopNo: pick(SHOPS),
			warehouseNo: pick(WAREHOUSES),
			logisticsNo: `${carrier}${String(Math.floor(random() * 1e10)).padStart(10, '0')}`,
			receiverName: pick(RECEIVERS),
			receiverArea: pick(AREAS),
			remark: cancelled ? pick(CANCEL_REMARKS) : pick(OTHER_REMARKS),
		});
	}
}

/** Test helpers for the self-owned platform writes (their handlers are in methods.ts). */
import { masterDataOf, setMasterData, type SimulatorStore } from './index';
import { SELF_OWNED_PLATFORM_ID } from './methods';

export { rawTradeKey, SELF_OWNED_PLATFORM_ID } from './methods';

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

/** Seller accounts the simulator accepts. Demo values only: nothing here is a real credential. */

export interface SellerAccount {
	/** 卖家账号. */
	sid: string;
	/** 接口账号 (appkey). */
	key: string;
	/** The part of the appsecret before the colon. */
	secret: string;
	/** The part of the appsecret after the colon; sent as the `salt` parameter. */
	salt: string;
	/** Client addresses allowed to call; undefined or empty = no whitelist. */
	ipWhitelist?: string[];
	/** Methods this app may call; undefined = all the simulator knows. */
	grantedMethods?: string[];
	/** Warehouse numbers of this seller; undefined = any warehouse_no is accepted. */
	warehouses?: string[];
}

export const DEFAULT_SELLER: SellerAccount = Object.freeze({
	sid: 'wdtapi3',
	key: 'wdt_test',
	secret: 'testsecret',
	salt: 'testsalt',
	warehouses: ['WH01', 'WH02', '上海仓'],
}) as SellerAccount;

/** n8n's `wdtApi` credential data for a seller of the simulator at `baseUrl` (Environment: Custom). */
export function credentialData(
	baseUrl: string,
	seller: SellerAccount = DEFAULT_SELLER,
): Record<string, string> {
	const { sid, key, secret, salt } = seller;
	return { sid, key, secret, salt, environment: 'custom', baseUrl };
}

/**
 * Classifies WDT failures after the vendor's error table (错误码说明), so that every error
 * can say in plain words what to fix. Pure: no n8n imports.
 */

export type WdtErrorKind =
	| 'wrongKeyOrSecret'
	| 'wrongSidOrEnvironment'
	| 'clockSkew'
	| 'ipWhitelist'
	| 'methodNotGranted'
	| 'rateLimit'
	| 'pagerRequired'
	| 'badArguments'
	| 'versionMismatch'
	| 'dynamicPassword'
	| 'business'
	| 'serverFault'
	| 'badResponse'
	| 'network';

export interface WdtErrorClass {
	kind: WdtErrorKind;
	/** One line, English with the vendor's Chinese original, saying what to do. */
	fix: string;
	/** A read may be sent again after back-off; a write never is. */
	retryable: boolean;
}

const FIXES: Record<WdtErrorKind, Omit<WdtErrorClass, 'kind'>> = {
	wrongKeyOrSecret: {
		fix: 'Check the API Key (key, 接口账号), Secret and Salt in the credential: they do not match this seller account (检查appkey, appsecret是否正确).',
		retryable: false,
	},
	wrongSidOrEnvironment: {
		fix: 'Check the Seller Account (sid, 卖家账号) and the Environment: a production sid only exists at http://wdt.wangdian.cn/openapi, a test sid only on the test server (请检查请求URL、sid是否正确对应请求环境).',
		retryable: false,
	},
	clockSkew: {
		fix: "The n8n server's clock differs from WDT's by more than 120 seconds: sync the n8n host clock (NTP) (时间戳错误: 与服务器时间误差两分钟内合法).",
		retryable: false,
	},
	ipWhitelist: {
		fix: "Add the n8n server's public IP address to the IP whitelist of this app in the WDT open platform, or remove the whitelist (检查是否设置了ip白名单, 以及请求的ip是否在白名单内).",
		retryable: false,
	},
	methodNotGranted: {
		fix: 'This API key is not granted this method: request it in the WDT open platform under 自助对接 → 应用管理 → 新增/变更, after checking sid, key and environment (权限不足).',
		retryable: false,
	},
	rateLimit: {
		fix: 'WDT limits calls per minute for this key: wait a few minutes, poll less often or batch more per call (接口调用频率/并发超限，请静置接口5-10分钟后重试).',
		retryable: true,
	},
	pagerRequired: {
		fix: 'This is a paged query: set Page Size and Page Number (page_size, page_no from 0) (此方法仅支持分页查询).',
		retryable: false,
	},
	badArguments: {
		fix: 'Check the number, JSON shape and types of the arguments against the method page (请检查接口入参以及对应json格式是否正确).',
		retryable: false,
	},
	versionMismatch: {
		fix: 'The API version must be 1.0 (检查传入的版本是否正确).',
		retryable: false,
	},
	dynamicPassword: {
		fix: 'This account requires a dynamic password (动态口令); switch it off for the API user in WDT (检查是否设置了动态口令, 如果设置了需要取消).',
		retryable: false,
	},
	business: {
		fix: 'WDT refused the request for a business reason: check the values against the message above (按照错误信息核对传入参数).',
		retryable: false,
	},
	serverFault: {
		fix: 'WDT reported an internal error: try again later, and contact WDT support if it persists (联系对接的研发人员).',
		retryable: false,
	},
	badResponse: {
		fix: 'WDT (or a gateway in front of it) did not answer with JSON: check the endpoint URL, then try again later.',
		retryable: true,
	},
	network: {
		fix: 'The connection to WDT failed or was cut: check the endpoint URL and the network, then try again.',
		retryable: true,
	},
};

export function describeKind(kind: WdtErrorKind): WdtErrorClass {
	return { kind, ...FIXES[kind] };
}

const RATE_LIMIT_MARKERS = ['超过每分钟最大调用频率限制', '超过每分钟最大并发次数限制'];

/** Decides the class from a WDT reply's status and message (status must not be 0). */
export function classifyWdtStatus(status: number, message: string): WdtErrorClass {
	const text = message ?? '';
	if (RATE_LIMIT_MARKERS.some((marker) => text.includes(marker))) return describeKind('rateLimit');
	if (text.includes('权限不足')) return describeKind('methodNotGranted');
	if (text.includes('此方法仅支持分页查询')) return describeKind('pagerRequired');
	switch (status) {
		case 1:
			if (/sid is not (exists|found)/i.test(text)) return describeKind('wrongSidOrEnvironment');
			if (text.includes('验证失败') || /app auth fail/i.test(text))
				return describeKind('wrongKeyOrSecret');
			if (/For input string/i.test(text)) return describeKind('clockSkew');
			return describeKind('badArguments');
		case 2:
			return describeKind('badArguments');
		case 3:
			return describeKind('dynamicPassword');
		case 6:
			return describeKind('ipWhitelist');
		case 7:
			return describeKind('clockSkew');
		case 8:
			return describeKind('versionMismatch');
		case 100:
			return describeKind('business');
		default:
			return describeKind('serverFault');
	}
}

/** A WDT failure with its class; the message never contains credentials or the sign. */
export class WdtError extends Error {
	readonly kind: WdtErrorKind;
	readonly fix: string;
	readonly retryable: boolean;
	/** WDT's status, when WDT answered with one. */
	readonly status?: number;
	/** WDT's own message, verbatim. */
	readonly wdtMessage?: string;
	readonly httpStatus?: number;

	constructor(
		message: string,
		details: WdtErrorClass & {
			status?: number;
			wdtMessage?: string;
			httpStatus?: number;
		},
	) {
		super(message);
		this.name = 'WdtError';
		this.kind = details.kind;
		this.fix = details.fix;
		this.retryable = details.retryable;
		this.status = details.status;
		this.wdtMessage = details.wdtMessage;
		this.httpStatus = details.httpStatus;
	}
}

export function errorFromStatus(method: string, status: number, message: string): WdtError {
	const errorClass = classifyWdtStatus(status, message);
	return new WdtError(`WDT ${method} failed with status ${status}: ${message || '(no message)'}`, {
		...errorClass,
		status,
		wdtMessage: message,
	});
}

/** What the credential test tells a user, per class: which field to fix, in plain words. */
export const CREDENTIAL_PROBLEMS: Partial<Record<WdtErrorKind, string>> = {
	wrongKeyOrSecret:
		'WDT rejected the signature (验证失败 / app auth fail): the API Key (key), Secret or Salt is wrong. Copy them again from the WDT open platform; you may paste the whole appsecret "secret:salt" into Secret and leave Salt empty.',
	wrongSidOrEnvironment:
		'WDT does not know this Seller Account (sid is not exists): check the sid (卖家账号) and pick the Environment it belongs to (production or test).',
	clockSkew:
		"WDT rejected the timestamp (时间戳错误): this n8n server's clock differs from WDT's by more than 120 seconds. Sync the server clock (NTP) and test again.",
	ipWhitelist:
		"WDT refused this server's IP address (ip限制): add the n8n server's public IP to the app's IP whitelist in the WDT open platform.",
	methodNotGranted:
		'The credentials are valid but this API key may not call system.Core.now (权限不足): ask WDT to grant the methods you need in 自助对接 → 应用管理.',
	rateLimit:
		'The credentials could not be checked because WDT is rate-limiting this key (超过每分钟最大调用频率/并发次数限制): wait a few minutes and test again.',
	versionMismatch: 'WDT rejected the API version (版本错误); this node sends v=1.0.',
	dynamicPassword:
		'This WDT account requires a dynamic password (需要动态口令); switch it off for the API user.',
	badArguments:
		'WDT rejected the request parameters (status 1): check the sid, key, secret and salt for stray characters.',
	serverFault: 'WDT reported an internal error while checking the credentials: try again later.',
};

/**
 * The exact replies the credential test recognizes, most specific first. n8n compares a reply
 * field with `===`, so the messages are the vendor's exact texts.
 */
export const CREDENTIAL_TEST_REPLIES: ReadonlyArray<{
	field: 'status' | 'message';
	value: string | number;
	kind: WdtErrorKind;
}> = [
	{ field: 'message', value: '验证失败', kind: 'wrongKeyOrSecret' },
	{ field: 'message', value: 'app auth fail', kind: 'wrongKeyOrSecret' },
	{
		field: 'message',
		value: 'sid is not exists',
		kind: 'wrongSidOrEnvironment',
	},
	{
		field: 'message',
		value: 'sid is not found',
		kind: 'wrongSidOrEnvironment',
	},
	{ field: 'message', value: '权限不足', kind: 'methodNotGranted' },
	{
		field: 'message',
		value: '超过每分钟最大调用频率限制，请稍后重试',
		kind: 'rateLimit',
	},
	{
		field: 'message',
		value: '超过每分钟最大并发次数限制，请稍后重试',
		kind: 'rateLimit',
	},
	{ field: 'status', value: 7, kind: 'clockSkew' },
	{ field: 'status', value: 6, kind: 'ipWhitelist' },
	{ field: 'status', value: 8, kind: 'versionMismatch' },
	{ field: 'status', value: 3, kind: 'dynamicPassword' },
	{ field: 'status', value: 1, kind: 'badArguments' },
	{ field: 'status', value: 4, kind: 'serverFault' },
	{ field: 'status', value: 5, kind: 'serverFault' },
	{ field: 'status', value: 99, kind: 'serverFault' },
	{ field: 'status', value: 100, kind: 'business' },
];

export function credentialProblem(kind: WdtErrorKind): string {
	return (
		CREDENTIAL_PROBLEMS[kind] ??
		'WDT answered the credential check with an error (status 100): check sid, key, secret, salt and the environment.'
	);
}

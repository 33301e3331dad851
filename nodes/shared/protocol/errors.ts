/**
 * Classifies WDT failures after the vendor's error table (错误码说明), so that every error
 * can say in plain English what to fix, with WDT's own text quoted after it. Pure: no n8n imports.
 */
import { redactSecrets } from './redact';

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
	/** The credential's own fields are unusable (empty, malformed): nothing was sent. */
	| 'credentialFields'
	/** Something answered at the Base URL, but not WDT's API (404, an HTML page, JSON without a numeric status). */
	| 'notWdt'
	/** Nothing could be reached at the Base URL (refused, unknown host, TLS mismatch): nothing was sent. */
	| 'unreachable'
	/** A reply that WDT or a gateway garbled (empty, truncated, HTTP 5xx): the outcome is unknown. */
	| 'badResponse'
	/** The connection failed midway or a deadline passed: the outcome is unknown. */
	| 'network';

export interface WdtErrorClass {
	kind: WdtErrorKind;
	/** One or two sentences, English, saying what to do. */
	fix: string;
	/** A read may be sent again after back-off; a write never is. */
	retryable: boolean;
}

/** The vendor's advice after either rate-limit reply (错误码说明): let the interface rest 5–10 minutes. */
export const RATE_LIMIT_REST = '5–10 minutes';

const FIXES: Record<WdtErrorKind, Omit<WdtErrorClass, 'kind'>> = {
	wrongKeyOrSecret: {
		fix: 'Check the API Key, Secret and Salt in the credential: they do not match this seller account. Copy them again from the WDT open platform.',
		retryable: false,
	},
	wrongSidOrEnvironment: {
		fix: 'Check the Seller Account (sid) and the Environment: a production sid only exists at http://wdt.wangdian.cn/openapi, a test sid only on the test server.',
		retryable: false,
	},
	clockSkew: {
		fix: "The n8n server's clock differs from WDT's by more than 120 seconds: sync the n8n host clock (NTP).",
		retryable: false,
	},
	ipWhitelist: {
		fix: "Add the n8n server's public IP address to the IP whitelist of this app in the WDT open platform, or remove the whitelist.",
		retryable: false,
	},
	methodNotGranted: {
		fix: 'This API key is not granted this method: request it in the WDT open platform under "自助对接 → 应用管理 → 新增/变更", after checking the Seller Account, API Key and Environment.',
		retryable: false,
	},
	rateLimit: {
		fix: `WDT limits calls per minute for this key, and concurrent calls. Wait ${RATE_LIMIT_REST} before running this again, as WDT advises after either; then poll less often, batch more per call or lower Parallel Requests. The node does not retry rate-limited calls.`,
		retryable: false,
	},
	pagerRequired: {
		fix: 'This is a paged query: turn on Paged Query in the node (Custom → Call Any Method), which sends page_size and page_no (from 0) for you.',
		retryable: false,
	},
	badArguments: {
		fix: 'Check the number, JSON shape and types of the arguments against the method page.',
		retryable: false,
	},
	versionMismatch: {
		fix: 'The API version must be 1.0.',
		retryable: false,
	},
	dynamicPassword: {
		fix: 'This account requires a dynamic password: switch it off for the API user in WDT.',
		retryable: false,
	},
	business: {
		fix: "WDT refused the request for a business reason: check the values against WDT's message.",
		retryable: false,
	},
	serverFault: {
		fix: 'WDT reported an internal error: try again later, and contact WDT support if it persists.',
		retryable: false,
	},
	credentialFields: {
		fix: 'Open the WDT credential and correct the field named above.',
		retryable: false,
	},
	notWdt: {
		fix: "Check the credential's Environment and Base URL: the Base URL must be WDT's API endpoint itself, ending in /openapi, e.g. http://wdt.wangdian.cn/openapi.",
		retryable: false,
	},
	unreachable: {
		fix: "Check the credential's Base URL (scheme http:// or https://, host and port) and that the n8n server can reach it.",
		retryable: false,
	},
	badResponse: {
		fix: 'WDT (or a gateway in front of it) did not answer with JSON, or the reply was cut short: try again later, and check the Base URL if it persists.',
		retryable: true,
	},
	network: {
		fix: 'The connection to WDT failed or was cut, or WDT did not answer in time: check the network and try again later.',
		retryable: true,
	},
};

/** What a WDT status means, in a few words, before WDT's own message. */
const SUMMARIES: Partial<Record<WdtErrorKind, string>> = {
	wrongKeyOrSecret: 'WDT rejected the signature',
	wrongSidOrEnvironment: 'WDT does not know this seller account in this environment',
	clockSkew: 'WDT rejected the timestamp',
	ipWhitelist: "WDT refused this server's IP address",
	methodNotGranted: 'this API key is not granted the method',
	rateLimit: 'WDT is rate-limiting this API key',
	pagerRequired: 'the method only answers paged queries',
	badArguments: 'WDT rejected the arguments',
	versionMismatch: 'WDT rejected the API version',
	dynamicPassword: 'the account requires a dynamic password',
	business: 'WDT refused the request',
	serverFault: 'WDT reported an internal error',
};

export function describeKind(kind: WdtErrorKind): WdtErrorClass {
	return { kind, ...FIXES[kind] };
}

/** WDT's two rate-limit replies (错误码说明): calls per minute, and concurrent calls. */
const CALLS_PER_MINUTE_MARKER = '超过每分钟最大调用频率限制';
const CONCURRENCY_MARKER = '超过每分钟最大并发次数限制';
const RATE_LIMIT_MARKERS = [CALLS_PER_MINUTE_MARKER, CONCURRENCY_MARKER];

/** WDT's concurrency limit (too many calls at once), as opposed to its calls-per-minute limit. */
export function isConcurrencyLimit(error: unknown): boolean {
	return (
		error instanceof WdtError &&
		error.kind === 'rateLimit' &&
		(error.wdtMessage ?? error.message).includes(CONCURRENCY_MARKER)
	);
}

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

/**
 * A WDT failure with its class. Message and WDT message pass through `redactSecrets`, so no
 * salt, sign, key or query string that a server echoed survives in them.
 */
export class WdtError extends Error {
	readonly kind: WdtErrorKind;
	readonly fix: string;
	readonly retryable: boolean;
	/** WDT's status, when WDT answered with one. */
	readonly status?: number;
	/** WDT's own message (redacted). */
	readonly wdtMessage?: string;
	readonly httpStatus?: number;

	constructor(
		message: string,
		details: WdtErrorClass & {
			status?: number;
			wdtMessage?: string;
			httpStatus?: number;
		},
		/** Values to hide besides the patterns (the credential's secret, salt and key). */
		secretValues: readonly string[] = [],
	) {
		super(redactSecrets(message, secretValues));
		this.name = 'WdtError';
		this.kind = details.kind;
		this.fix = details.fix;
		this.retryable = details.retryable;
		this.status = details.status;
		this.wdtMessage =
			details.wdtMessage === undefined
				? undefined
				: redactSecrets(details.wdtMessage, secretValues);
		this.httpStatus = details.httpStatus;
	}
}

/** Quotes a text that came from WDT (or from whatever answered), redacted. */
export function quoteWdtText(text: string): string {
	return JSON.stringify(redactSecrets(text));
}

export function errorFromStatus(method: string, status: number, message: string): WdtError {
	const errorClass = classifyWdtStatus(status, message);
	const wdtText = message ? `: ${quoteWdtText(message)}` : ', no message';
	return new WdtError(
		`WDT ${method} failed: ${SUMMARIES[errorClass.kind] ?? 'WDT refused the request'} (status ${status}${wdtText})`,
		{ ...errorClass, status, wdtMessage: message },
	);
}

/** What the credential test tells a user, per class: which field to fix, in plain words. */
export const CREDENTIAL_PROBLEMS: Partial<Record<WdtErrorKind, string>> = {
	wrongKeyOrSecret:
		'WDT rejected the signature ("验证失败" / "app auth fail"): the API Key, Secret or Salt is wrong. Copy them again from the WDT open platform; you may paste the whole appsecret "secret:salt" into Secret and leave Salt empty.',
	wrongSidOrEnvironment:
		'WDT does not know this Seller Account ("sid is not exists"): check the Seller Account (sid) and pick the Environment it belongs to (production or test).',
	clockSkew:
		"WDT rejected the timestamp (status 7): this n8n server's clock differs from WDT's by more than 120 seconds. Sync the server clock (NTP) and test again.",
	ipWhitelist:
		"WDT refused this server's IP address (status 6): add the n8n server's public IP to the app's IP whitelist in the WDT open platform.",
	methodNotGranted:
		'The credentials are valid but this API key may not call system.Core.now ("权限不足"): ask WDT to grant the methods you need in the WDT open platform under "自助对接 → 应用管理".',
	rateLimit: `The credentials could not be checked because WDT is rate-limiting this API key ("超过每分钟最大调用频率/并发次数限制"): wait ${RATE_LIMIT_REST}, as WDT advises, and test again.`,
	versionMismatch: 'WDT rejected the API version (status 8); this node sends v=1.0.',
	dynamicPassword:
		'This WDT account requires a dynamic password (status 3); switch it off for the API user.',
	badArguments:
		'WDT rejected the request parameters (status 1 or 2): check the Seller Account (sid), API Key, Secret and Salt for stray characters.',
	serverFault: 'WDT reported an internal error while checking the credentials: try again later.',
	business:
		'WDT answered the credential check with an error (status 100): check the Seller Account (sid), API Key, Secret, Salt and the Environment.',
};

export function credentialProblem(kind: WdtErrorKind): string {
	return CREDENTIAL_PROBLEMS[kind] ?? FIXES[kind].fix;
}

/**
 * What the credential test says when the reply is not a WDT envelope at all. n8n's declarative
 * credential test can only compare one reply field with `===`, so each shape of "not WDT" is
 * one rule (a string body's `length` and first character are readable fields too).
 */
export const NOT_WDT_REPLIES = {
	emptyBody:
		"The Base URL answered with an empty body, not WDT's API. Check the Environment and Base URL: it must be WDT's endpoint itself, ending in /openapi (e.g. http://wdt.wangdian.cn/openapi).",
	htmlPage:
		"The Base URL answered with a web page (HTML), not WDT's API: the address is wrong or a gateway failed. Check the Environment and Base URL: it must be WDT's endpoint itself, ending in /openapi (e.g. http://wdt.wangdian.cn/openapi).",
	noStatus:
		"The Base URL answered, but not like WDT: the reply has no status field. Check the Environment and Base URL: it must be WDT's endpoint itself, ending in /openapi (e.g. http://wdt.wangdian.cn/openapi).",
	statusNotNumber:
		"The Base URL answered, but not like WDT: the reply's status is not a number (WDT sends 0 for success). Check the Environment and Base URL: it must be WDT's endpoint itself, ending in /openapi.",
} as const;

/** A rule of the credential test: when the reply's `path` equals `value`, it fails with `message`. */
export interface CredentialTestReply {
	path: string;
	value: unknown;
	message: string;
}

const byKind = (path: string, value: unknown, kind: WdtErrorKind): CredentialTestReply => ({
	path,
	value,
	message: credentialProblem(kind),
});

/**
 * The replies the credential test recognizes, most specific first: WDT's documented failures,
 * then every shape that is not a WDT envelope. The test passes only on a JSON object whose
 * `status` is a number that no rule names (0 on a real WDT).
 */
export const CREDENTIAL_TEST_REPLIES: readonly CredentialTestReply[] = [
	{ path: 'length', value: 0, message: NOT_WDT_REPLIES.emptyBody },
	{ path: '0', value: '<', message: NOT_WDT_REPLIES.htmlPage },
	byKind('message', '验证失败', 'wrongKeyOrSecret'),
	byKind('message', 'app auth fail', 'wrongKeyOrSecret'),
	byKind('message', 'sid is not exists', 'wrongSidOrEnvironment'),
	byKind('message', 'sid is not found', 'wrongSidOrEnvironment'),
	byKind('message', '权限不足', 'methodNotGranted'),
	byKind('message', '超过每分钟最大调用频率限制，请稍后重试', 'rateLimit'),
	byKind('message', '超过每分钟最大并发次数限制，请稍后重试', 'rateLimit'),
	byKind('status', 7, 'clockSkew'),
	byKind('status', 6, 'ipWhitelist'),
	byKind('status', 8, 'versionMismatch'),
	byKind('status', 3, 'dynamicPassword'),
	byKind('status', 1, 'badArguments'),
	byKind('status', 2, 'badArguments'),
	byKind('status', 4, 'serverFault'),
	byKind('status', 5, 'serverFault'),
	byKind('status', 99, 'serverFault'),
	byKind('status', 100, 'business'),
	{ path: 'status', value: undefined, message: NOT_WDT_REPLIES.noStatus },
	{ path: 'status', value: null, message: NOT_WDT_REPLIES.statusNotNumber },
	...['String', 'Boolean', 'Object', 'Array'].map((type) => ({
		path: 'status.constructor.name',
		value: type,
		message: NOT_WDT_REPLIES.statusNotNumber,
	})),
];

// Types for ./n8n-install.mjs, so TypeScript tests can import it.

export declare const N8N_RELEASES: Readonly<Record<string, { node: string | null }>>;
export declare const N8N_VERSIONS: readonly string[];
/** The default n8n (the one `npm start` uses without --n8n). */
export declare const N8N_VERSION: string;
/** Resolves 1, 2 or a full version to one of N8N_VERSIONS; throws one sentence otherwise. */
export declare function resolveN8nVersion(choice?: string | number): string;
/** The versions named by `--n8n <1|2|version|all>` in an argument list (default `fallback`). */
export declare function versionsFromArgs(argv: string[], fallback?: string): string[];

export interface EnsureN8nResult {
	/** n8n's CLI entry (node_modules/n8n/bin/n8n); run it with `process.execPath`. */
	n8nBin: string;
	/** The Node that runs it (first on PATH in n8nEnv). */
	nodeBin: string;
	cacheDir: string;
	version: string;
	/** The N8N_EXPRESSION_ENGINE that works with this install. */
	expressionEngine: 'vm' | 'legacy';
	/** true when a complete install was already there. */
	reused: boolean;
	/** seconds the install took (0 when reused). */
	seconds: number;
}

export declare function n8nCacheRoot(): string;
export declare function n8nCacheDir(version?: string): string;
export declare function ensureNode(
	nodeVersion: string | null,
	opts?: { log?: (s: string) => void },
): Promise<{ nodeBin: string; nodeDir: string; version: string }>;
export declare function n8nBinIn(cacheDir: string): string;
export declare function cleanNpmEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function run(
	cmd: string,
	args: string[],
	opts?: { cwd?: string; env?: NodeJS.ProcessEnv; log?: (s: string) => void; timeoutMs?: number },
): Promise<string>;
export declare function ensureN8n(opts?: {
	version?: string;
	log?: (s: string) => void;
	cacheDir?: string;
}): Promise<EnsureN8nResult>;
export declare function n8nEnv(
	userFolder: string,
	extra?: Record<string, string | number | undefined>,
	runtime?: { version?: string; nodeBin?: string; expressionEngine?: 'vm' | 'legacy' },
): Record<string, string>;

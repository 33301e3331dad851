// Types for ./n8n-install.mjs, so TypeScript tests can import it.

export declare const N8N_VERSION: string;

export interface EnsureN8nResult {
	/** n8n's CLI entry (node_modules/n8n/bin/n8n); run it with `process.execPath`. */
	n8nBin: string;
	cacheDir: string;
	version: string;
	/** true when a complete install was already there. */
	reused: boolean;
	/** seconds the install took (0 when reused). */
	seconds: number;
}

export declare function n8nCacheDir(): string;
export declare function n8nBinIn(cacheDir: string): string;
export declare function cleanNpmEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function run(
	cmd: string,
	args: string[],
	opts?: { cwd?: string; env?: NodeJS.ProcessEnv; log?: (s: string) => void; timeoutMs?: number },
): Promise<string>;
export declare function ensureN8n(opts?: {
	log?: (s: string) => void;
	cacheDir?: string;
}): Promise<EnsureN8nResult>;
export declare function n8nEnv(
	userFolder: string,
	extra?: Record<string, string | number | undefined>,
): Record<string, string>;

import { WDT_CATALOG } from './methods.generated';
import type { CatalogMethod } from './types';

export type { CatalogMethod, CatalogParam } from './types';
export { WDT_CATALOG };

const ORDERED = Object.values(WDT_CATALOG);

export function getCatalogMethod(name: string): CatalogMethod | undefined {
	return Object.prototype.hasOwnProperty.call(WDT_CATALOG, name) ? WDT_CATALOG[name] : undefined;
}

/** Every public method, in the order of the vendor's method index. */
export function listCatalogMethods(): readonly CatalogMethod[] {
	return ORDERED;
}

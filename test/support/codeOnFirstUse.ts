import * as insightsFetching from '../../src/insights/fetchInsights';
import * as lineItemsLoader from '../../src/lineItems/lineItemsLoader';

/** The modules the container hands the stores on first use (from dist/chunks/features-*.js), here loaded already. */
export const lineItemsLoaderModule = async () => lineItemsLoader;
export const insightsFetchingModule = async () => insightsFetching;

import type { IBinaryData } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { startProduct, type Product } from '../product/setup';
import { sendsOf } from './sends';

/** What the fault tests share: the node on a fresh sandbox, a small and a 2 MB PDF, and the sends made. */
export interface FaultBench {
	product: Product;
	files: { small: IBinaryData; big: IBinaryData };
	sends: () => ReturnType<typeof sendsOf>;
}

/** Starts it for a test file (filesystem binaries) and resets the sandbox before each test. */
export function useFaultBench(): FaultBench {
	const bench = { sends: () => sendsOf(bench.product.sb) } as FaultBench;
	beforeAll(async () => {
		bench.product = await startProduct('filesystem');
		bench.files = {
			small: await storeBinary({ size: 10_000 }, { fileName: 'small.pdf', mimeType: 'application/pdf' }),
			big: await storeBinary({ size: 2 * 1024 * 1024 }, { fileName: 'big.pdf', mimeType: 'application/pdf' }),
		};
	});
	afterAll(async () => await bench.product.close());
	beforeEach(() => bench.product.sb.reset());
	return bench;
}

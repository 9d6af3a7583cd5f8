/** Where Get Many's fields show. */
export const show = { show: { resource: ['template'], operation: ['getMany'] } };

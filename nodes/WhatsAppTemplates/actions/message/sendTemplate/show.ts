/** Where Send Template's fields show: one constant, so a field's displayOptions never drift. */
export const show = { show: { resource: ['message'], operation: ['sendTemplate'] } };

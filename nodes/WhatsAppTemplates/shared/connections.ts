import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The main connection ('main'). n8n-workflow exports NodeConnectionTypes only from 1.83 (n8n 1.85);
 * older ones have the enum NodeConnectionType instead, and reading .Main off the missing export
 * threw while n8n loaded the class, so the node was "not installed" there. With the fallback the
 * node loads on every n8n and can tell the user itself which n8n it needs (shared/n8nSupport.ts).
 * The value is the same string on every version.
 */
export const MAIN_CONNECTION = NodeConnectionTypes?.Main ?? 'main';

/**
 * How deep the extractors' walks descend. Real code stays far below (a few dozen levels); generated or hostile
 * nesting (thousands of brackets, a 1,500-term `+` chain) would overflow the stack, so deeper subtrees are left out
 * and the file's facts say where.
 */
export const MAX_WALK_DEPTH = 400;

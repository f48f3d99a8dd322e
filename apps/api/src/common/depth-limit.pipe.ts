import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from './app-error.js';

export const MAX_JSON_DEPTH = 32;

/** Depth of a parsed JSON value, measured without recursion (a hostile body could be 50,000 levels deep). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Object.values(node as object)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Refuses absurdly nested bodies before validation walks them recursively. */
@Injectable()
export class DepthLimitPipe implements PipeTransform {
  transform(value: unknown) {
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new AppError(400, 'VALIDATION_FAILED', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
    return value;
  }
}

/**
 * The cache key of an audit: what the audit depends on besides the options (which the whole
 * cache is keyed by). Computed from the text that was audited, by whichever thread read it.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const auditKey = (post: { threshold: number; format: 'md' | 'mdx' }, text: string) => sha256(`${post.threshold}\0${post.format}\0${text}`);

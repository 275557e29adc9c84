import { describe, expect, it } from 'vitest';
import {
  categoryRowKey,
  compareRowIds,
  parseRowKey,
  rowIdKey,
  rowKeyOf,
  rowLabel,
  statuslessRowKey,
  statusRowKey,
  type RowId,
} from './keys';

describe('row keys', () => {
  it('round-trip through parseRowKey', () => {
    for (const key of ['429', '529', 'none-timeout', 'none-stream_error', 'cat-overloaded']) {
      const id = parseRowKey(key);
      expect(id).not.toBeNull();
      expect(rowIdKey(id!)).toBe(key);
    }
    expect(statusRowKey(503)).toBe('503');
    expect(statuslessRowKey('connection')).toBe('none-connection');
    expect(categoryRowKey('quota_billing')).toBe('cat-quota_billing');
  });

  it('reject keys no row could have', () => {
    for (const key of ['', 'abc', '42', '600', '4290', 'none-', 'none-nope', 'cat-', 'cat-429']) {
      expect(parseRowKey(key)).toBeNull();
    }
  });

  it('place an entry in its row for each mode', () => {
    expect(rowKeyOf({ status: 429, category: 'quota_billing' }, 'status')).toBe('429');
    expect(rowKeyOf({ status: 429, category: 'quota_billing' }, 'category')).toBe(
      'cat-quota_billing',
    );
    expect(rowKeyOf({ status: null, category: 'timeout' }, 'status')).toBe('none-timeout');
  });

  it('label rows for people', () => {
    expect(rowLabel(parseRowKey('429')!)).toBe('429 Too Many Requests');
    expect(rowLabel(parseRowKey('529')!)).toBe('529 Overloaded');
    expect(rowLabel(parseRowKey('597')!)).toBe('597 (non-standard)');
    expect(rowLabel(parseRowKey('none-stream_error')!)).toBe('Inside a 200 stream');
    expect(rowLabel(parseRowKey('none-not_found')!)).toBe('No HTTP status: Not found');
    expect(rowLabel(parseRowKey('cat-quota_billing')!)).toBe('Quota / billing');
  });

  it('order statuses numerically, then connection, timeout, in-stream, then other status-less', () => {
    const keys = [
      'none-not_found',
      '503',
      'none-stream_error',
      '42x',
      '400',
      'none-connection',
      '1xx',
    ]
      .map(parseRowKey)
      .filter((id): id is RowId => id !== null)
      .sort(compareRowIds)
      .map(rowIdKey);
    expect(keys).toEqual(['400', '503', 'none-connection', 'none-stream_error', 'none-not_found']);
  });
});

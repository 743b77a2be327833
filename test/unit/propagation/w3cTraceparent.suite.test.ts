// The cases of the W3C trace-context test suite (w3c/trace-context, test/test.py) for traceparent, at its
// strictest level, restated as a table for our parser: each invalid header must yield this exact reason.
import { parseTraceparent } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

const T = '12345678901234567890123456789012';
const P = '1234567890123456';

describe('valid traceparent headers of the W3C suite', () => {
  test.each([
    ['version 00', `00-${T}-${P}-01`, '00', 1],
    ['not sampled', `00-${T}-${P}-00`, '00', 0],
    ['future version 0xcc', `cc-${T}-${P}-01`, 'cc', 1],
    ['future version with extra fields', `cc-${T}-${P}-01-what-the-future-will-be-like`, 'cc', 1],
    ['leading space', ` 00-${T}-${P}-01`, '00', 1],
    ['leading tab', `\t00-${T}-${P}-01`, '00', 1],
    ['trailing space', `00-${T}-${P}-01 `, '00', 1],
    ['trailing tab', `00-${T}-${P}-01\t`, '00', 1],
    ['white space on both sides', `\t 00-${T}-${P}-01 \t`, '00', 1],
    ['unknown flag bits kept', `00-${T}-${P}-ff`, '00', 255],
  ])('%s', (_, header, version, traceFlags) => {
    expect(parseTraceparent(header)).toEqual({
      valid: true,
      value: { version, traceId: T, parentId: P, traceFlags, sampled: (traceFlags & 1) === 1 },
    });
  });
});

describe('invalid traceparent headers of the W3C suite', () => {
  test.each([
    [
      'duplicated header',
      [`00-${T.replace(/2$/, '1')}-${P}-01`, `00-${T}-${P}-01`],
      'traceparent appears 2 times, it must appear once',
    ],
    ['version 00 with a trailing character', `00-${T}-${P}-01.`, 'trace-flags must be 2 hex characters, got 3 ("01.")'],
    [
      'version 00 with extra fields',
      `00-${T}-${P}-01-what-the-future-will-be-like`,
      'version 00 has exactly 4 fields, found extra "-what-the-future-will-be-like"',
    ],
    [
      'future version with extra data not after "-"',
      `cc-${T}-${P}-01.what-the-future-will-be-like`,
      'a field after trace-flags must start with "-", got ".what-the-future-will-be-like"',
    ],
    ['version ff', `ff-${T}-${P}-01`, 'version ff is forbidden'],
    ['illegal character first in version', `.0-${T}-${P}-01`, 'version contains a character that is not hex (".0")'],
    ['illegal character last in version', `0.-${T}-${P}-01`, 'version contains a character that is not hex ("0.")'],
    ['version of 3 digits', `000-${T}-${P}-01`, 'version must be 2 hex characters, got 3 ("000")'],
    ['version of 4 digits', `0000-${T}-${P}-01`, 'version must be 2 hex characters, got 4 ("0000")'],
    ['version of 1 digit', `0-${T}-${P}-01`, 'version must be 2 hex characters, got 1 ("0")'],
    ['upper-case version', `0A-${T}-${P}-01`, 'version must be lower-case hex ("0A")'],
    ['trace-id all zeros', `00-${'0'.repeat(32)}-${P}-01`, 'trace-id is all zeros'],
    [
      'illegal character first in trace-id',
      `00-.${T.slice(1)}-${P}-01`,
      'trace-id contains a character that is not hex (".2345678901234567890123456789012")',
    ],
    [
      'illegal character last in trace-id',
      `00-${T.slice(0, 31)}.-${P}-01`,
      'trace-id contains a character that is not hex ("1234567890123456789012345678901.")',
    ],
    [
      'trace-id of 33 digits',
      `00-${T}3-${P}-01`,
      'trace-id must be 32 hex characters, got 33 ("123456789012345678901234567890123")',
    ],
    [
      'trace-id of 31 digits',
      `00-${T.slice(0, 31)}-${P}-01`,
      'trace-id must be 32 hex characters, got 31 ("1234567890123456789012345678901")',
    ],
    [
      'upper-case trace-id',
      `00-4BF92F3577B34DA6A3CE929D0E0E4736-${P}-01`,
      'trace-id must be lower-case hex ("4BF92F3577B34DA6A3CE929D0E0E4736")',
    ],
    ['parent-id all zeros', `00-${T}-${'0'.repeat(16)}-01`, 'parent-id is all zeros'],
    [
      'illegal character first in parent-id',
      `00-${T}-.234567890123456-01`,
      'parent-id contains a character that is not hex (".234567890123456")',
    ],
    [
      'illegal character last in parent-id',
      `00-${T}-123456789012345.-01`,
      'parent-id contains a character that is not hex ("123456789012345.")',
    ],
    ['parent-id of 17 digits', `00-${T}-${P}7-01`, 'parent-id must be 16 hex characters, got 17 ("12345678901234567")'],
    [
      'parent-id of 15 digits',
      `00-${T}-${P.slice(0, 15)}-01`,
      'parent-id must be 16 hex characters, got 15 ("123456789012345")',
    ],
    ['upper-case parent-id', `00-${T}-00F067AA0BA902B7-01`, 'parent-id must be lower-case hex ("00F067AA0BA902B7")'],
    [
      'illegal character first in trace-flags',
      `00-${T}-${P}-.0`,
      'trace-flags contains a character that is not hex (".0")',
    ],
    [
      'illegal character last in trace-flags',
      `00-${T}-${P}-0.`,
      'trace-flags contains a character that is not hex ("0.")',
    ],
    ['trace-flags of 3 digits', `00-${T}-${P}-001`, 'trace-flags must be 2 hex characters, got 3 ("001")'],
    ['trace-flags of 1 digit', `00-${T}-${P}-1`, 'trace-flags must be 2 hex characters, got 1 ("1")'],
    ['empty header', '', 'traceparent is empty'],
    [
      'too few fields',
      `00-${T}-${P}`,
      `traceparent must be version-traceid-parentid-flags (4 fields joined by "-"), got "00-${T}-${P}"`,
    ],
  ])('%s', (_, header, reason) => {
    expect(parseTraceparent(header)).toEqual({ valid: false, reason });
  });
});

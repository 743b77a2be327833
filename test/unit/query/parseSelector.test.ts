import { parseSelector, SelectorSyntaxError } from 'tracespec';
import { describe, expect, it } from 'vitest';

const compound = (name: string | undefined, ...filters: unknown[]) =>
  name === undefined ? { type: 'compound', filters } : { type: 'compound', name, filters };
const single = (...compounds: unknown[]) => ({
  type: 'list',
  items: [{ type: 'complex', compounds, combinators: [] }],
});

describe('parseSelector: names', () => {
  it('reads a bare word as a span name', () => {
    expect(parseSelector('checkout')).toEqual(single(compound('checkout')));
  });

  it('reads double- and single-quoted names with escapes', () => {
    expect(parseSelector('"GET /orders/:id"')).toEqual(single(compound('GET /orders/:id')));
    expect(parseSelector("'say \\'hi\\''")).toEqual(single(compound("say 'hi'")));
    expect(parseSelector('"a\\"b\\\\c\\n\\u0041"')).toEqual(single(compound('a"b\\c\nA')));
  });

  it('reads * as any span', () => {
    expect(parseSelector('*')).toEqual(single(compound(undefined)));
    expect(parseSelector('*:error')).toEqual(single(compound(undefined, { type: 'pseudo', name: 'error' })));
  });

  it('allows dots, slashes, dashes, @ and digits in bare words', () => {
    expect(parseSelector('grpc.health-v1/Check@2')).toEqual(single(compound('grpc.health-v1/Check@2')));
  });
});

describe('parseSelector: attribute predicates', () => {
  const attr = (text: string) => parseSelector(text).items[0]?.compounds[0]?.filters[0];

  it('reads [key] as presence', () => {
    expect(attr('[db.system]')).toEqual({ type: 'attribute', key: 'db.system' });
  });

  it.each([
    ['=', '[db.system=postgresql]', { type: 'string', value: 'postgresql' }],
    ['!=', '[http.route!="/health"]', { type: 'string', value: '/health' }],
    ['^=', '[url.path^=/orders]', { type: 'string', value: '/orders' }],
    ['$=', '[url.path$=.json]', { type: 'string', value: '.json' }],
    ['*=', '[db.statement*="FROM cart"]', { type: 'string', value: 'FROM cart' }],
    ['<', '[retries<3]', { type: 'number', value: 3 }],
    ['<=', '[retries<=3]', { type: 'number', value: 3 }],
    ['>', '[http.response.status_code>499]', { type: 'number', value: 499 }],
    ['>=', '[ratio>=-0.5]', { type: 'number', value: -0.5 }],
  ])('reads the %s operator', (operator, text, value) => {
    const key = /\[([^=!^$*~<>]+)/.exec(text)?.[1];
    expect(attr(text)).toEqual({ type: 'attribute', key, operator, value });
  });

  it('reads ~= with a regex and its flags, including "/" inside a class', () => {
    expect(attr('[url.path~=/^\\/orders[/]\\d+$/i]')).toEqual({
      type: 'attribute',
      key: 'url.path',
      operator: '~=',
      value: { type: 'regex', source: '^\\/orders[/]\\d+$', flags: 'i' },
    });
  });

  it('types values: number, boolean, quoted string, bare string', () => {
    expect(attr('[a=200]')).toMatchObject({ value: { type: 'number', value: 200 } });
    expect(attr('[a="200"]')).toMatchObject({ value: { type: 'string', value: '200' } });
    expect(attr('[a=true]')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(attr('[a=false]')).toMatchObject({ value: { type: 'boolean', value: false } });
    expect(attr('[a="true"]')).toMatchObject({ value: { type: 'string', value: 'true' } });
    expect(attr('[a=-0]')).toMatchObject({ value: { type: 'number', value: 0 } });
  });

  it('marks built-in fields, and treats a quoted key as an attribute', () => {
    for (const field of ['name', 'service', 'scope']) {
      expect(attr(`[${field}=x]`)).toMatchObject({ key: field, field });
    }
    expect(attr('[kind=server]')).toMatchObject({ field: 'kind', value: { type: 'string', value: 'server' } });
    expect(attr('[status=error]')).toMatchObject({ field: 'status', value: { type: 'string', value: 'error' } });
    expect(attr('["name"=x]')).toEqual({
      type: 'attribute',
      key: 'name',
      operator: '=',
      value: { type: 'string', value: 'x' },
    });
  });

  it('reads durations in every unit', () => {
    const nanos = (text: string) => (attr(`[duration>${text}]`) as { value: { nanos: bigint } }).value.nanos;
    expect(nanos('5ns')).toBe(5n);
    expect(nanos('250us')).toBe(250_000n);
    expect(nanos('250µs')).toBe(250_000n);
    expect(nanos('200ms')).toBe(200_000_000n);
    expect(nanos('1.5s')).toBe(1_500_000_000n);
    expect(nanos('2m')).toBe(120_000_000_000n);
    expect(nanos('1h')).toBe(3_600_000_000_000n);
  });

  it('allows white space inside brackets', () => {
    expect(attr('[ retries <= 3 ]')).toEqual(attr('[retries<=3]'));
  });
});

describe('parseSelector: combinators and lists', () => {
  it('reads descendant, child and sibling combinators', () => {
    const [complex] = parseSelector('a b > c ~ d').items;
    expect(complex?.compounds.map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(complex?.combinators).toEqual(['descendant', 'child', 'sibling']);
  });

  it('does not need spaces around > and ~', () => {
    expect(parseSelector('a>b~c')).toEqual(parseSelector('a > b ~ c'));
  });

  it('reads , as either', () => {
    expect(parseSelector('a, b > c').items).toHaveLength(2);
  });
});

describe('parseSelector: pseudo-classes', () => {
  const pseudo = (text: string) => parseSelector(text).items[0]?.compounds[0]?.filters[0];

  it.each(['root', 'leaf', 'orphan', 'error', 'first', 'last'])('reads :%s', (name) => {
    expect(pseudo(`:${name}`)).toEqual({ type: 'pseudo', name });
  });

  it('reads :nth(n)', () => {
    expect(pseudo(':nth( 3 )')).toEqual({ type: 'pseudo', name: 'nth', position: 3 });
  });

  it('reads :has with relative combinators and :not with a list', () => {
    expect(pseudo(':has(> SELECT)')).toEqual({
      type: 'pseudo',
      name: 'has',
      selector: {
        type: 'list',
        items: [{ type: 'complex', leading: 'child', compounds: [compound('SELECT')], combinators: [] }],
      },
    });
    expect(pseudo(':not(:error, a b)')).toMatchObject({ name: 'not', selector: { items: [{}, {}] } });
  });
});

describe('parseSelector: cache', () => {
  it('returns the same frozen tree for the same text', () => {
    const text = `cache-test > [n=${Math.random()}]`;
    const first = parseSelector(text);
    expect(parseSelector(text)).toBe(first);
    expect(Object.isFrozen(first.items[0]?.compounds[1]?.filters[0])).toBe(true);
  });
});

describe('parseSelector: errors', () => {
  const error = (text: string): SelectorSyntaxError => {
    try {
      parseSelector(text);
    } catch (caught) {
      if (caught instanceof SelectorSyntaxError) return caught;
      throw caught;
    }
    throw new Error(`expected ${JSON.stringify(text)} not to parse`);
  };

  it('names the position, shows a caret and says what was expected', () => {
    const caught = error('orders > [db.system=postgresql');
    expect(caught.position).toBe(30);
    expect(caught.selector).toBe('orders > [db.system=postgresql');
    expect(caught.message).toBe(
      [
        '[tracespec] Invalid selector: expected "]" to close the predicate, found end of input at position 30.',
        '',
        '  orders > [db.system=postgresql',
        '                                ^',
      ].join('\n'),
    );
  });

  it('lists the known pseudo-classes for an unknown one', () => {
    expect(error('a:roots').message).toContain(
      'expected a known pseudo-class (:root, :leaf, :orphan, :error, :first, :last, :nth(n), :has(selector), :not(selector)), found ":roots" at position 1',
    );
  });

  it.each([
    ['', 0, 'a span name, a "quoted name", *, [predicate] or :pseudo-class'],
    ['   ', 3, 'a span name'],
    ['> a', 0, 'a leading ">" is allowed only inside :has()'],
    ['a >', 3, 'a selector after ">"'],
    ['a ~ ', 4, 'a selector after "~"'],
    ['a,', 2, 'a selector after ","'],
    ['a)', 1, 'a combinator (" ", ">", "~"), "," or the end of the selector'],
    ['"abc', 0, 'a closing " for the string'],
    ["'abc", 0, "a closing ' for the string"],
    ['"a\\', 3, 'a character after "\\"'],
    ['"\\u12"', 3, 'four hex digits after "\\u"'],
    ['[', 1, 'an attribute key or a field (name, service, kind, status, scope, duration)'],
    ['[x', 2, 'an operator (=, !=, ^=, $=, *=, ~=, <, <=, >, >=) or "]"'],
    ['[x=]', 3, 'a value: a "string", a number, true, false or a bare word'],
    ['[x=a b]', 5, '"]" to close the predicate'],
    ['[x~=abc]', 4, 'a /regex/ after "~="'],
    ['[x~=/abc]', 4, 'a closing "/" for the regex'],
    ['[x~=/a(/]', 4, 'a valid regular expression'],
    ['[x<abc]', 3, 'a number after "<"'],
    ['[x>="5"]', 4, 'a number after ">="'],
    ['[x=200ms]', 3, 'durations such as 200ms apply only to [duration]'],
    ['[duration>200]', 10, 'a duration with a unit (ns, us, ms, s, m, h)'],
    ['[duration^=2s]', 9, 'a comparison for [duration]: =, !=, <, <=, >, >='],
    ['[duration=0.5ns]', 10, 'a duration with a unit'],
    ['[kind=sever]', 6, 'a span kind: one of internal, server, client, producer, consumer'],
    ['[status!=failed]', 9, 'a span status code: one of unset, ok, error'],
    [':', 1, 'a known pseudo-class'],
    [':root(1)', 5, 'no argument: ":root" takes none'],
    [':nth', 4, '"(" after ":nth"'],
    [':nth(x)', 5, 'a position >= 1 inside :nth()'],
    [':nth(0)', 5, 'a position >= 1'],
    [':nth(2', 6, '")" to close :nth('],
    [':has', 4, '"(" after ":has"'],
    [':has()', 5, 'a selector inside :has()'],
    [':has(a', 6, '")" to close :has('],
    [':not(> a)', 5, 'a leading ">" is allowed only inside :has()'],
    ['*foo', 1, 'a combinator'],
  ])('%j fails at %i expecting %s', (text, position, expected) => {
    const caught = error(text);
    expect(caught.position).toBe(position);
    expect(caught.expected).toContain(expected);
    expect(caught.message.startsWith('[tracespec] Invalid selector: expected')).toBe(true);
    expect(caught.message.split('\n').at(-1)).toBe(`  ${' '.repeat(position)}^`);
  });

  it('rejects a non-string with a TypeError', () => {
    expect(() => parseSelector(42 as unknown as string)).toThrow(
      '[tracespec] a selector must be a string, got number.',
    );
  });
});

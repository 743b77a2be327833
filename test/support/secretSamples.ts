/**
 * One sample per secret detector: where it is recorded (an attribute key) and the secret part that must never be
 * written out. `text` is the whole recorded value (the secret with what surrounds it).
 */
export interface SecretSample {
  readonly detector: string;
  readonly key: string;
  readonly text: string;
  readonly secret: string;
}

const pem = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
  'aKvUp4a9D8Vb0qz1m7ZsJ1Yx3JjH4Wk2sQ==',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

export const secretSamples: readonly SecretSample[] = [
  { detector: 'secret-key', key: 'http.request.header.x-api-key', text: 'k3y-8842-af', secret: 'k3y-8842-af' },
  {
    detector: 'secret-key',
    key: 'rpc.grpc.request.metadata.authorization',
    text: 'opaque-7781',
    secret: 'opaque-7781',
  },
  { detector: 'secret-key', key: 'http.response.header.set-cookie', text: 'sid=c00k1e-991', secret: 'c00k1e-991' },
  { detector: 'secret-key', key: 'db.password', text: 'hunter2-db', secret: 'hunter2-db' },
  { detector: 'pem-private-key', key: 'app.config', text: `key: ${pem}`, secret: 'MIIEowIBAAKCAQEA0Z3VS5JJ' },
  {
    detector: 'url-credentials',
    key: 'url.full',
    text: 'postgres://app:pgs3cr3t@db.internal/shop',
    secret: 'pgs3cr3t',
  },
  { detector: 'bearer', key: 'app.header', text: 'Bearer opaqueTok-5521.x', secret: 'opaqueTok-5521' },
  { detector: 'basic', key: 'app.header', text: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', secret: 'YWxhZGRpbjpvcGVuc2VzYW1l' },
  {
    detector: 'jwt',
    key: 'app.id_source',
    text: 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.Zm9vYmFyc2lnbmF0dXJl',
    secret: 'eyJzdWIiOiJhbGljZSJ9',
  },
  { detector: 'aws-access-key', key: 'app.note', text: 'using AKIAIOSFODNN7EXAMPLE', secret: 'AKIAIOSFODNN7EXAMPLE' },
  {
    detector: 'stripe-key',
    key: 'app.note',
    text: 'charge with sk_live_51HaBcDeFgHiJkLmNo',
    secret: 'sk_live_51HaBcDeFgHiJkLmNo',
  },
  {
    detector: 'stripe-key',
    key: 'app.note',
    text: 'rk_live_9zYxWvUtSrQpOn',
    secret: 'rk_live_9zYxWvUtSrQpOn',
  },
  {
    detector: 'github-token',
    key: 'app.note',
    text: 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
    secret: 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  },
  {
    detector: 'github-token',
    key: 'app.note',
    text: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv',
    secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv',
  },
  {
    detector: 'slack-token',
    key: 'app.note',
    text: 'xoxb-2048-8810-QwErTyUiOp',
    secret: 'xoxb-2048-8810-QwErTyUiOp',
  },
  {
    detector: 'google-api-key',
    key: 'app.note',
    text: 'maps AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6q',
    secret: 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6q',
  },
  {
    detector: 'query-secret',
    key: 'url.full',
    text: 'https://api.test/v1/orders?page=2&access_token=qs-77aa-secret',
    secret: 'qs-77aa-secret',
  },
  { detector: 'query-secret', key: 'url.query', text: 'api_key=qk-5150&page=1', secret: 'qk-5150' },
  {
    detector: 'assigned-secret',
    key: 'db.query.text',
    text: "ALTER USER app WITH PASSWORD 'sqlpw-9931'",
    secret: 'sqlpw-9931',
  },
  {
    detector: 'assigned-secret',
    key: 'db.query.text',
    text: "UPDATE users SET password = 'sqlpw-4410' WHERE id = 3",
    secret: 'sqlpw-4410',
  },
  { detector: 'card-number', key: 'app.payment', text: 'card 4111 1111 1111 1111', secret: '4111 1111 1111 1111' },
  { detector: 'card-number', key: 'app.payment', text: '5555555555554444', secret: '5555555555554444' },
];

// A throw-away certificate authority and a server certificate it signed, made with openssl at
// test time (no key is committed). Valid for one day, for one host name.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HarnessError } from './proc';

export interface TestCertificates {
  /** The CA's certificate (PEM), for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** The server's key and certificate (PEM), for tls.createServer. */
  readonly key: Buffer;
  readonly cert: Buffer;
  /** Removes the files. */
  remove(): Promise<void>;
}

const OPENSSL = '/usr/bin/openssl';
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeTestCertificates(hostName: string): TestCertificates {
  if (!fs.existsSync(OPENSSL)) {
    throw new HarnessError(`${OPENSSL} is missing: the proxy run makes its test certificates with it (apt-get install openssl).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-ca-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync(OPENSSL, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl('req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1',
      '-subj', '/CN=DigitalOcean Invoices test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    openssl('req', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${hostName}`);
    fs.writeFileSync(file('server.ext'), `subjectAltName=DNS:${hostName}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
    openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-out', 'server.pem', '-days', '1', '-extfile', 'server.ext');
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new HarnessError(`openssl could not make the test certificates: ${stderr || (error as Error).message}`);
  }
  return {
    caFile: file('ca.pem'),
    key: fs.readFileSync(file('server.key')),
    cert: fs.readFileSync(file('server.pem')),
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * An intranet web server as the deployment guide sets it up, for the release tests: a certificate
 * authority and a server certificate made with openssl (as 部署指南 does for a unit without its own
 * CA), and Debian's nginx, unprivileged on loopback, running the release's server/nginx.conf with
 * only the lines an administrator edits changed (certificate paths, root, the http port). For the
 * pane's browser test, the same site from Node's https server instead, trusted by Chromium by its key.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { connect, createServer, type AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { nginxPath } from "./tools";

export interface Certificates {
  /** The CA's certificate, what desks (and NODE_EXTRA_CA_CERTS) trust. */
  ca: string;
  certificate: string;
  key: string;
}

/** A CA and a certificate it signs for 127.0.0.1 and localhost, in `dir`. */
export function makeCertificates(dir: string): Certificates {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(
    "req",
    "-x509",
    ...ec,
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "30",
    "-subj",
    "/CN=ZhuanBao Test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  openssl("req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(
    file("server.ext"),
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.crt",
    "-days",
    "30",
    "-extfile",
    "server.ext",
  );
  return { ca: file("ca.crt"), certificate: file("server.crt"), key: file("server.key") };
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface SiteServer {
  stop(): Promise<void>;
}

export interface NginxSetup {
  /** The release's server/nginx.conf. */
  snippet: string;
  /** What stands in for /var/www/zhuanbao. */
  root: string;
  certificates: Certificates;
  /** The port of the http → https server (80 needs root). */
  httpPort: number;
  /** Further edits, for the broken configurations. */
  edit?: (conf: string) => string;
}

/** The snippet with the administrator's edits: where the certificate and the files are, the http port. */
export function editedSnippet(setup: NginxSetup): string {
  const conf = setup.snippet
    .replace("ssl_certificate /etc/nginx/ssl/zhuanbao.crt;", `ssl_certificate ${setup.certificates.certificate};`)
    .replace("ssl_certificate_key /etc/nginx/ssl/zhuanbao.key;", `ssl_certificate_key ${setup.certificates.key};`)
    .replace("root /var/www/zhuanbao;", `root ${setup.root};`)
    .replace("listen 80;", `listen 127.0.0.1:${setup.httpPort};`);
  return setup.edit ? setup.edit(conf) : conf;
}

/** nginx's main configuration around the snippet, everything it writes kept in `prefix`. */
export function mainConfiguration(prefix: string, snippetFile: string): string {
  const temp = (name: string) => join(prefix, "temp", name);
  return `daemon off;
worker_processes 1;
pid ${join(prefix, "nginx.pid")};
error_log ${join(prefix, "error.log")};
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  include ${snippetFile};
}
`;
}

/** Writes the configuration into `prefix` and returns nginx's arguments for it. */
export function configure(prefix: string, setup: NginxSetup): string[] {
  mkdirSync(join(prefix, "temp"), { recursive: true });
  const snippetFile = join(prefix, "zhuanbao.conf");
  writeFileSync(snippetFile, editedSnippet(setup));
  const main = join(prefix, "nginx.conf");
  writeFileSync(main, mainConfiguration(prefix, snippetFile));
  // Worker processes of a root master run as nobody: they must read the files.
  for (const dir of [prefix, setup.root]) chmodSync(dir, 0o755);
  return ["-p", prefix, "-e", join(prefix, "error.log"), "-c", main];
}

/** `nginx -t` of the configuration: what it said (on stderr), and whether it passed. */
export function testConfiguration(prefix: string, setup: NginxSetup): { ok: boolean; output: string } {
  const run = spawnSync(nginxPath, ["-t", ...configure(prefix, setup)], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Starts nginx and resolves once it answers on `port`. */
export async function startNginx(prefix: string, setup: NginxSetup, port: number): Promise<SiteServer> {
  const child: ChildProcess = spawn(nginxPath, configure(prefix, setup), { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${stderr}${readFileSync(join(prefix, "error.log"), "utf8")}`);
    }
    if (await answers(port)) break;
    if (attempt > 100) throw new Error(`nginx did not listen on ${port}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const { mediaTypes } = require("../../scripts/release-files") as { mediaTypes: [string, string][] };
const typeByExtension = new Map(mediaTypes.map(([type, extension]) => [`.${extension}`, type]));

export interface HttpsSite {
  /** https://127.0.0.1:port */
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * `files` (path under the site → bytes) served over HTTPS at `${origin}${prefix}`, each with the media
 * type the release's server configuration gives it (scripts/release-files.js), 404 for anything else.
 */
export async function serveOverHttps(
  files: ReadonlyMap<string, Uint8Array>,
  certificates: Certificates,
  prefix: string,
): Promise<HttpsSite> {
  const requests: string[] = [];
  const server = createHttpsServer(
    { cert: readFileSync(certificates.certificate), key: readFileSync(certificates.key) },
    (request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? "/", "https://127.0.0.1").pathname);
      requests.push(path);
      const file = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
      if (!file) {
        response.writeHead(404, { "content-type": "text/html" }).end();
        return;
      }
      const type = typeByExtension.get(extname(path)) ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type }).end(file);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Chromium's switch that trusts a server certificate by its public key, as a desk trusts its unit's CA. */
export function trustCertificateSwitch(certificates: Certificates): string {
  const key = new X509Certificate(readFileSync(certificates.certificate)).publicKey.export({
    type: "spki",
    format: "der",
  });
  return `--ignore-certificate-errors-spki-list=${createHash("sha256").update(key).digest("base64")}`;
}

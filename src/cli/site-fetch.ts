/**
 * Fetching a deployed file from Node for `zhuanbao doctor`: one GET, no redirects followed, and for
 * https whether this machine trusts the certificate. Trusted means: Node's own roots, the system's CA
 * bundle where there is one (Debian's update-ca-certificates, Red Hat's update-ca-trust) and the file
 * NODE_EXTRA_CA_CERTS names (how a Windows desk's unit CA reaches Node 20, which reads no Windows store).
 */
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { createSecureContext, rootCertificates, type ConnectionOptions, type SecureContext } from "node:tls";
import type { Fetched } from "../deploy";

const systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"];
const timeoutMs = 15_000;

/** The certificates this machine trusts, as PEM texts; read again each time so the environment of the call counts. */
export function trustedCertificates(env: NodeJS.ProcessEnv = process.env): string[] {
  const files = [...systemBundles.filter(existsSync).slice(0, 1), env.NODE_EXTRA_CA_CERTS].filter(
    (file): file is string => Boolean(file) && existsSync(file!),
  );
  return [...rootCertificates, ...files.map((file) => readFileSync(file, "utf8"))];
}

/** Node's TLS error codes in words an administrator can act on. */
const certificateProblems: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "自签名证书，本机不信任",
  SELF_SIGNED_CERT_IN_CHAIN: "证书链中的根证书本机不信任",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "找不到签发该证书的根证书",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "找不到签发该证书的根证书",
  UNABLE_TO_GET_ISSUER_CERT: "找不到签发该证书的根证书",
  CERT_HAS_EXPIRED: "证书已过期",
  CERT_NOT_YET_VALID: "证书尚未生效（检查服务器和本机时间）",
  ERR_TLS_CERT_ALTNAME_INVALID: "证书上的名称与网址中的服务器名不符",
};

const isCertificateError = (code: string | undefined) =>
  code !== undefined && (code in certificateProblems || code.startsWith("CERT_") || code.includes("_CERT"));

interface Answer {
  response: IncomingMessage;
  body: Uint8Array;
}

function get(url: URL, verify: boolean, secureContext: SecureContext): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { method: "GET", timeout: timeoutMs, headers: { "user-agent": "zhuanbao-doctor" } };
    // https.request hands these to tls.connect; its typings omit secureContext.
    const tlsOptions: RequestOptions & ConnectionOptions = {
      ...options,
      secureContext,
      rejectUnauthorized: verify,
      agent: false,
    };
    const request = url.protocol === "https:" ? httpsRequest(url, tlsOptions) : httpRequest(url, options);
    request.on("timeout", () => request.destroy(Object.assign(new Error("超时"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve({ response, body: new Uint8Array(Buffer.concat(chunks)) }));
    });
    request.end();
  });
}

const connectionProblems: Record<string, string> = {
  ENOTFOUND: "找不到服务器名（检查 DNS 或 hosts）",
  ECONNREFUSED: "服务器拒绝连接（服务未启动或端口不对）",
  ETIMEDOUT: "连接超时（检查防火墙）",
  ECONNRESET: "连接被重置（端口上可能不是 HTTPS 服务）",
  EPROTO: "TLS 握手失败（端口上可能不是 HTTPS 服务）",
};

function describe(error: NodeJS.ErrnoException): string {
  const code = error.code ?? "";
  return connectionProblems[code] ?? `${code || "错误"} ${error.message}`.trim();
}

/**
 * A fetcher for the doctor: GETs a URL; a certificate this machine does not trust is noted and the file
 * fetched anyway, so every other check still runs. The trusted certificates are read once per fetcher.
 */
export function siteFetcher(env: NodeJS.ProcessEnv = process.env): (address: string) => Promise<Fetched> {
  const secureContext = createSecureContext({ ca: trustedCertificates(env) });
  return (address) => fetchSiteFile(address, secureContext);
}

async function fetchSiteFile(address: string, secureContext: SecureContext): Promise<Fetched> {
  const url = new URL(address);
  let certificateProblem: string | null = null;
  let answer: Answer;
  try {
    try {
      answer = await get(url, true, secureContext);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!isCertificateError(code)) throw error;
      certificateProblem = certificateProblems[code!] ?? code!;
      answer = await get(url, false, secureContext);
    }
  } catch (error) {
    const failure = describe(error as NodeJS.ErrnoException);
    return { status: null, contentType: null, location: null, body: new Uint8Array(), failure, certificateProblem };
  }
  const { response, body } = answer;
  return {
    status: response.statusCode ?? null,
    contentType: response.headers["content-type"] ?? null,
    location: response.headers.location ?? null,
    body,
    failure: null,
    certificateProblem,
  };
}

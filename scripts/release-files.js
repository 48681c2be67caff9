// The parts of the release package that are not the built site: its version, the nginx and IIS
// configuration, 部署说明.txt, and the deterministic zip itself. Pure functions of their inputs, so the
// same commit gives the same bytes (tests/release.test.ts).
"use strict";
const { URL } = require("node:url");
const { zipSync, strToU8 } = require("fflate");
const { contentSecurityPolicy } = require("./content-security-policy");

/**
 * The manifest's <Version>: package.json's version and the number of commits (`git rev-list --count
 * HEAD`), so a release from a later commit always has a higher version and Office reloads the add-in.
 */
function releaseVersion(packageVersion, buildNumber) {
  const parts = packageVersion.split(/[.-]/).slice(0, 3);
  if (parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part)))
    throw new Error(`package.json 的 version 应为 x.y.z：${packageVersion}`);
  if (!Number.isInteger(buildNumber) || buildNumber < 0 || buildNumber > 65535)
    throw new Error(`构建号应为 0–65535 的整数：${buildNumber}`);
  return [...parts.map(Number), buildNumber].join(".");
}

/** Files named with a content hash (webpack's chunks): never change, so cached a year. */
const hashedAsset = String.raw`\.[0-9a-f]{8}\.(js|css)$`;
const oneYear = "public, max-age=31536000, immutable";
const policy = contentSecurityPolicy();

/** The media types the site's files need (the doctor checks the same, src/deploy/site.ts). */
const mediaTypes = [
  ["text/html", "html"],
  ["text/css", "css"],
  ["text/javascript", "js"],
  ["application/json", "json"],
  ["application/xml", "xml"],
  ["image/png", "png"],
  ["image/svg+xml", "svg"],
  ["font/woff2", "woff2"],
  ["text/plain", "txt"],
];

/** Where the nginx snippet expects things; the administrator changes these lines only. */
const nginxPlaces = {
  root: "/var/www/zhuanbao",
  certificate: "/etc/nginx/ssl/zhuanbao.crt",
  key: "/etc/nginx/ssl/zhuanbao.key",
};

/** server/nginx.conf: an http-level snippet (Debian: /etc/nginx/conf.d/zhuanbao.conf). */
function nginxSnippet(baseUrl, version) {
  const url = new URL(baseUrl);
  const httpsPort = url.port || "443";
  const path = url.pathname;
  const locations =
    path === "/"
      ? ["    location / {", "        try_files $uri =404;", "    }"]
      : [
          `    location ${path} {`,
          "        try_files $uri =404;",
          "    }",
          "    # 本站只提供专报助手：其他路径一律 404。",
          "    location / {",
          "        return 404;",
          "    }",
        ];
  return [
    `# 专报助手 ${version}：nginx 配置（部署指南“用 nginx 托管”）。`,
    "# 放到 /etc/nginx/conf.d/zhuanbao.conf，只需改证书两行（和 root，如放在别处），然后 nginx -t && systemctl reload nginx。",
    `# 网站文件：发布包 site 文件夹的全部内容复制到 ${nginxPlaces.root}${path}`,
    "",
    "# 哈希命名的文件（如 docx.1a2b3c4d.js）内容永不改变，缓存一年；页面、清单、入口脚本和 office.js 每次向服务器确认。",
    "map $uri $zhuanbao_cache_control {",
    // Quoted: nginx reads an unquoted { as the start of a block.
    `    "~${hashedAsset}" "${oneYear}";`,
    '    default "no-cache";',
    "}",
    "",
    "server {",
    `    listen ${httpsPort} ssl;`,
    `    server_name ${url.hostname};`,
    `    ssl_certificate ${nginxPlaces.certificate};`,
    `    ssl_certificate_key ${nginxPlaces.key};`,
    "    ssl_protocols TLSv1.2 TLSv1.3;",
    "",
    `    root ${nginxPlaces.root};`,
    "    autoindex off;",
    "    # 只列本站用到的类型：.json、.xml、.woff2 等不依赖系统 mime.types。",
    "    types {",
    ...mediaTypes.map(([type, extension]) => `        ${type} ${extension};`),
    "    }",
    "    default_type application/octet-stream;",
    "    charset utf-8;",
    "    charset_types text/css text/javascript application/json application/xml text/plain;",
    "",
    `    add_header Content-Security-Policy "${policy}" always;`,
    "    add_header Cache-Control $zhuanbao_cache_control always;",
    "    add_header X-Content-Type-Options nosniff always;",
    '    add_header Strict-Transport-Security "max-age=31536000" always;',
    "",
    ...locations,
    "}",
    "",
    "# 只用 HTTPS：http 访问一律转到 https 地址。",
    "server {",
    "    listen 80;",
    `    server_name ${url.hostname};`,
    `    return 301 https://${url.host}$request_uri;`,
    "}",
    "",
  ].join("\n");
}

const escapeXml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** server/web.config: IIS, copied next to taskpane.html. Needs IIS's URL Rewrite module. */
function webConfig(version) {
  const mime = mediaTypes
    .filter(([, extension]) => ["json", "xml", "woff2", "js"].includes(extension))
    .flatMap(([type, extension]) => [
      `      <remove fileExtension=".${extension}" />`,
      `      <mimeMap fileExtension=".${extension}" mimeType="${type}" />`,
    ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- 专报助手 ${version}：IIS 配置（部署指南“用 IIS 托管”）。复制到网站文件夹，与 taskpane.html 同级。`,
    "     需要 IIS 的“URL 重写”(URL Rewrite) 模块：强制 HTTPS 和哈希文件的一年缓存靠它。 -->",
    "<configuration>",
    "  <system.webServer>",
    '    <directoryBrowse enabled="false" />',
    "    <staticContent>",
    "      <!-- Cache-Control: no-cache，页面和清单每次向服务器确认；哈希文件见下方 outboundRules。 -->",
    '      <clientCache cacheControlMode="DisableCache" />',
    ...mime,
    "    </staticContent>",
    "    <httpProtocol>",
    "      <customHeaders>",
    `        <add name="Content-Security-Policy" value="${escapeXml(policy)}" />`,
    '        <add name="X-Content-Type-Options" value="nosniff" />',
    '        <add name="Strict-Transport-Security" value="max-age=31536000" />',
    "      </customHeaders>",
    "    </httpProtocol>",
    "    <rewrite>",
    "      <rules>",
    '        <rule name="ZhuanBao HTTPS only" stopProcessing="true">',
    '          <match url="(.*)" />',
    "          <conditions>",
    '            <add input="{HTTPS}" pattern="^OFF$" />',
    "          </conditions>",
    '          <action type="Redirect" url="https://{HTTP_HOST}{REQUEST_URI}" redirectType="Permanent" />',
    "        </rule>",
    "      </rules>",
    "      <outboundRules>",
    '        <rule name="ZhuanBao hashed assets">',
    '          <match serverVariable="RESPONSE_Cache_Control" pattern=".*" />',
    "          <conditions>",
    `            <add input="{REQUEST_URI}" pattern="${hashedAsset}" />`,
    "          </conditions>",
    `          <action type="Rewrite" value="${oneYear}" />`,
    "        </rule>",
    "      </outboundRules>",
    "    </rewrite>",
    "  </system.webServer>",
    "</configuration>",
    "",
  ].join("\n");
}

/** 部署说明.txt: UTF-8 with a BOM and CRLF, so Windows 7's Notepad shows it. */
function deploymentNote(baseUrl, version, withWps) {
  const path = new URL(baseUrl).pathname;
  const lines = [
    `专报助手 ${version} 发布包`,
    `加载项地址：${baseUrl}`,
    "",
    "包内文件",
    `  site\\            网站文件：全部复制到服务器上对应 ${baseUrl} 的文件夹`,
    "  manifest.xml     清单：分发给各台电脑（共享文件夹目录 + 组策略、Microsoft 365 管理中心或旁加载）",
    `  server\\nginx.conf nginx 配置片段（网站文件放在 ${nginxPlaces.root}${path}）`,
    "  server\\web.config IIS 配置：复制到网站文件夹，与 taskpane.html 同级",
    "  doctor\\          部署自检：node doctor/zhuanbao-doctor.js 加载项地址",
    ...(withWps
      ? [
          `  site\\jsplugins.xml WPS 在线加载：各台电脑 oem.ini 的 JSPluginsServer=${baseUrl}jsplugins.xml`,
          "  wps-offline\\      WPS 离线加载：jsaddons 文件夹的内容复制到各台电脑的 %APPDATA%\\kingsoft\\wps\\jsaddons\\",
        ]
      : []),
    "",
    "步骤（详见《部署指南》，即项目 docs/部署指南.md）",
    "  1. 准备 HTTPS 证书（单位 CA 签发或自建），让每台电脑信任它的根证书。",
    "  2. 把 site 文件夹的内容复制到服务器，按 server 文件夹的配置设置 nginx 或 IIS。",
    `  3. 运行自检：node doctor/zhuanbao-doctor.js ${baseUrl}`,
    "     全部显示 ✓ 后再分发清单；有 ✗ 时按提示修改，部署指南末尾的表列出了常见现象和原因。",
    "  4. 分发 manifest.xml。更新时：新发布包的 site 覆盖旧文件，再分发新的 manifest.xml。",
    "",
  ];
  return "\ufeff" + lines.join("\r\n");
}

// A fixed local time: DOS timestamps in a zip are local, so a Date from local parts is the same everywhere.
const fixedTime = new Date(2020, 0, 1, 0, 0, 0);
const fileMode = 0o100644;

/**
 * A zip of `files` (path → bytes) that depends on nothing else: entries sorted by path, one fixed
 * time, fixed Unix attributes, fixed compression.
 */
function deterministicZip(files) {
  const entries = {};
  for (const path of Object.keys(files).sort()) {
    const data = typeof files[path] === "string" ? strToU8(files[path]) : files[path];
    entries[path] = [data, { level: 9, mtime: fixedTime, os: 3, attrs: fileMode << 16 }];
  }
  return zipSync(entries);
}

module.exports = { releaseVersion, nginxSnippet, nginxPlaces, webConfig, deploymentNote, deterministicZip, mediaTypes };

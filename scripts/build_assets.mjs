#!/usr/bin/env node
// Build CE Hub front-end assets into static/build/ (generated, gitignored).
//
//   npm ci && npm run build
//
// - static/scss/cehub.scss  -> static/build/cehub.css, Sass JS API,
//   compressed, with node_modules on the load path and the `pkg:` importer.
// - govuk-frontend dist JS   -> static/build/govuk-frontend.min.js (+ .map)
// - govuk-frontend images    -> static/build/assets/images/*
// - govuk-frontend manifest  -> static/build/assets/manifest.json
// - htmx.org dist            -> static/build/htmx.min.js
//
// Idempotent: static/build/ is removed and recreated on every run, so stale
// files never survive. Exits non-zero on any failure. Nothing is fetched from
// the network; everything is served by Django from /static/.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NODE_MODULES = join(ROOT, "node_modules");
const OUT = join(ROOT, "static", "build");
const GOVUK_DIST = join(NODE_MODULES, "govuk-frontend", "dist", "govuk");

const written = [];

// Imported dynamically so a missing `npm ci` gives a clear message rather
// than a module-resolution stack trace.
let sass;
try {
  sass = await import("sass");
} catch {
  fail("cannot load the `sass` package (did you run `npm ci`?)");
}

function fail(message) {
  console.error(`build_assets: ERROR: ${message}`);
  process.exit(1);
}

function requireFile(path) {
  if (!existsSync(path) || !statSync(path).isFile()) {
    fail(`missing ${relative(ROOT, path)} (did you run \`npm ci\`?)`);
  }
}

function copyFile(src, dest, { optional = false } = {}) {
  if (optional && !existsSync(src)) return;
  requireFile(src);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest);
  written.push(dest);
}

function writeFile(dest, contents) {
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, contents);
  written.push(dest);
}

function compileScss() {
  const entry = join(ROOT, "static", "scss", "cehub.scss");
  requireFile(entry);
  const result = sass.compile(entry, {
    style: "compressed",
    loadPaths: [NODE_MODULES],
    importers: [new sass.NodePackageImporter(ROOT)],
    // Deprecation warnings from govuk-frontend itself are not ours to fix;
    // warnings from our own Sass are still shown.
    quietDeps: true,
  });
  writeFile(join(OUT, "cehub.css"), `${result.css}\n`);
}

function copyGovukAssets() {
  copyFile(join(GOVUK_DIST, "govuk-frontend.min.js"), join(OUT, "govuk-frontend.min.js"));
  copyFile(join(GOVUK_DIST, "govuk-frontend.min.js.map"), join(OUT, "govuk-frontend.min.js.map"), {
    optional: true,
  });

  const imagesSrc = join(GOVUK_DIST, "assets", "images");
  if (!existsSync(imagesSrc)) fail(`missing ${relative(ROOT, imagesSrc)}`);
  const images = readdirSync(imagesSrc).filter((name) => statSync(join(imagesSrc, name)).isFile());
  if (images.length === 0) fail(`no images in ${relative(ROOT, imagesSrc)}`);
  for (const name of images.sort()) {
    copyFile(join(imagesSrc, name), join(OUT, "assets", "images", name));
  }
  // Fonts (GDS Transport) are deliberately NOT copied: this service is not on
  // a gov.uk domain and uses Arial instead.
  copyFile(join(GOVUK_DIST, "assets", "manifest.json"), join(OUT, "assets", "manifest.json"), {
    optional: true,
  });
}

function copyHtmx() {
  copyFile(join(NODE_MODULES, "htmx.org", "dist", "htmx.min.js"), join(OUT, "htmx.min.js"));
}

try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  compileScss();
  copyGovukAssets();
  copyHtmx();
} catch (err) {
  // Sass exceptions carry a formatted message with the file/line excerpt.
  fail(err instanceof Error ? err.message : String(err));
}

const bytes = written.reduce((sum, f) => sum + statSync(f).size, 0);
console.log(
  `build_assets: wrote ${written.length} files (${(bytes / 1024).toFixed(1)} KiB) to ` +
    `${relative(ROOT, OUT)}/: ${written.map((f) => relative(OUT, f)).join(", ")}`,
);

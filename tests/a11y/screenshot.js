#!/usr/bin/env node
// A picture of part of an HTML page at a given width, for docs/ (scripts/make_page_images.py).
//
//   node tests/a11y/screenshot.js report.html 320 out.png "Exceptions" 1800
//
// From the first h2 heading starting with the given words (the page's top with ""), as tall as
// the last number in CSS px, as headless Chromium draws it with no network.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

async function main() {
  const [file, width, out, heading, height] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pledgekit-shot-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--hide-scrollbars",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: Number(width), height: 900, deviceScaleFactor: 1 });
    await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
    const top = await page.evaluate((words) => {
      if (!words) return 0;
      const found = Array.from(document.querySelectorAll("h2")).find((h) =>
        h.textContent.trim().startsWith(words),
      );
      if (!found) throw new Error("no h2 heading starts with " + words);
      return Math.max(0, found.getBoundingClientRect().top + window.scrollY - 8);
    }, heading || "");
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    const tall = Math.min(Number(height || 1500), total - top);
    await page.screenshot({
      path: out,
      clip: { x: 0, y: top, width: Number(width), height: tall },
      captureBeyondViewport: true,
    });
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(String(error && error.stack ? error.stack : error));
  process.exit(3);
});

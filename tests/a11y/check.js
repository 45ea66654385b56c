#!/usr/bin/env node
// axe-core in headless Chromium over one HTML file, at each viewport width asked for.
//
//   node tests/a11y/check.js report.html 1280 320
//
// Prints one JSON object: for each width, axe's violations (WCAG 2.0, 2.1 and 2.2 A and AA, and
// best practice) and how far the page is wider than the viewport (WCAG 1.4.10 Reflow: at 320
// CSS px nothing may scroll sideways except inside its own box). Chromium is Debian's
// /usr/bin/chromium unless CHROMIUM names another; it runs with a fresh profile and no network.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");
const axe = require("axe-core");

const TAGS = [
  "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice",
];

async function main() {
  const [file, ...widths] = process.argv.slice(2);
  if (!file || widths.length === 0) {
    console.error("usage: check.js FILE.html WIDTH [WIDTH...]");
    process.exit(2);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pledgekit-a11y-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const results = {};
  try {
    const page = await browser.newPage();
    // The report must work offline: refuse every request that is not the file itself.
    await page.setRequestInterception(true);
    const fetched = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("file:") || url.startsWith("data:")) {
        request.continue();
      } else {
        fetched.push(url);
        request.abort();
      }
    });
    for (const width of widths.map(Number)) {
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      await page.addScriptTag({ content: axe.source });
      const found = await page.evaluate(async (tags) => {
        const run = await window.axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        });
        return run.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
        }));
      }, TAGS);
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [];
        // Elements that stick out of the viewport, outside any box that scrolls them (the
        // inside of an <svg> is clipped to the svg, so only the svg itself counts).
        for (const el of document.body.querySelectorAll("*")) {
          if (el.closest(".table-wrap") || (el.closest("svg") && el.tagName !== "svg")) continue;
          const box = el.getBoundingClientRect();
          if (box.right > root.clientWidth + 1 || box.left < -1) {
            wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""));
          }
        }
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          elements: wide.slice(0, 10),
        };
      });
      const scrollers = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".table-wrap")).filter(
          (el) => el.scrollWidth > el.clientWidth,
        ).length,
      );
      results[width] = { violations: found, overflow, scrollingTables: scrollers };
    }
    results.fetched = fetched;
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
}

main().catch((error) => {
  console.error(String(error && error.stack ? error.stack : error));
  process.exit(3);
});

#!/usr/bin/env node
/*
 * Bilint VS Code harness: runs a mocha suite inside a REAL VS Code extension
 * host (code-server 4.100.3 = VS Code 1.100.3, web workbench driven by Debian's
 * headless Chromium through playwright-core over CDP), fully offline.
 * See shared/notes/real-vscode.md and test/vscode/README.md.
 * Install the pieces first: bash scripts/install-vscode-harness.sh
 *
 * Usage:
 *   node test/vscode/harness.js --extension <absExtensionDir> \
 *     --tests <absPathToCompiledMochaIndexJs> --workspace <absWorkspaceDir> \
 *     [--screenshot-dir DIR] [--timeout-ms N] [--settings JSON] [--verbose]
 *
 *   --extension       folder of the extension under development (its package.json)
 *   --tests           module exporting run(): Promise<void> (the @vscode/test-electron
 *                     contract); it runs inside the remote Node extension host
 *   --workspace       folder opened in the workbench
 *   --screenshot-dir  where screenshots go; a final "final.png" is taken at the end
 *   --timeout-ms      overall limit for the suite (default 240000); on timeout the
 *                     harness exits 124 with a clear message
 *   --settings JSON   extra user settings merged over the defaults below
 *   --verbose         also relay code-server's output and browser page errors
 *
 * Exit code: the suite's (0 passed, 1 failed), 124 on timeout, 2 on bad usage,
 * 3 on an infrastructure failure (code-server/chromium did not start, ...).
 *
 * Environment:
 *   BILINT_HARNESS_CACHE  cache folder of the install script
 *                         (default $HOME/.cache/bilint/code-server-4.100.3);
 *                         code-server and playwright-core are loaded from it.
 *   Every variable of the harness's environment reaches the extension host, plus:
 *   BILINT_MOCHA_PATH     absolute path of the mocha package to use (the harness
 *                         resolves 'mocha' from its own folder, i.e. the project's
 *                         node_modules/mocha, unless already set). Suites should do
 *                         require(process.env.BILINT_MOCHA_PATH || 'mocha').
 *   BILINT_HARNESS_PATH   absolute path of this file (for requestScreenshot below).
 *   BILINT_SCREENSHOT_REQUEST_DIR  folder polled for screenshot requests.
 *   BILINT_SCREENSHOT_DIR the --screenshot-dir ('' when none: requests then fail).
 *
 * Screenshots on demand, from inside the test suite:
 *   const { requestScreenshot } = require(process.env.BILINT_HARNESS_PATH);
 *   await requestScreenshot('after-open');   // resolves to the PNG path
 * Protocol (usable without the helper): the suite creates
 * $BILINT_SCREENSHOT_REQUEST_DIR/<name>.req (name: [A-Za-z0-9._-]+); the harness
 * polls the folder every 200 ms, saves page.screenshot() to <screenshot-dir>/<name>.png
 * and then writes <name>.done containing "ok <png path>" or "error <message>"
 * (error when no --screenshot-dir was given, or the screenshot failed). The
 * helper waits for .done (default 30 s) and rejects on "error". Requiring this
 * file from a suite runs nothing else: the runner only starts when it is main.
 */
'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const util = require('util');
const { spawn } = require('child_process');

const CODE_SERVER_VERSION = '4.100.3';
const NAME_RE = /^[A-Za-z0-9._-]+$/;

// ---------------------------------------------------------------------------
// Helper for test suites (runs inside the extension host).
// ---------------------------------------------------------------------------
async function requestScreenshot(name, timeoutMs = 30000) {
  const dir = process.env.BILINT_SCREENSHOT_REQUEST_DIR;
  if (!dir) throw new Error('requestScreenshot: BILINT_SCREENSHOT_REQUEST_DIR is not set (not run by harness.js?)');
  if (!NAME_RE.test(name)) throw new Error(`requestScreenshot: bad name ${JSON.stringify(name)}`);
  const done = path.join(dir, `${name}.done`);
  await fsp.rm(done, { force: true });
  // write under a temporary name and rename, so the harness never sees a half-written request
  const tmp = path.join(dir, `${name}.req.tmp`);
  await fsp.writeFile(tmp, String(Date.now()));
  await fsp.rename(tmp, path.join(dir, `${name}.req`));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let text;
    try {
      text = await fsp.readFile(done, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined && text.length > 0) {
      if (text.startsWith('ok ')) return text.slice(3).trim();
      throw new Error(`requestScreenshot(${name}): ${text.trim()}`);
    }
    if (Date.now() > deadline) throw new Error(`requestScreenshot(${name}): no answer within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------
function log(...a) {
  process.stdout.write(`[harness] ${util.format(...a)}\n`);
}

function usage(msg) {
  process.stderr.write(
    `[harness] ${msg}\nusage: node test/vscode/harness.js --extension <absDir> --tests <absIndexJs> ` +
      `--workspace <absDir> [--screenshot-dir DIR] [--timeout-ms N] [--settings JSON] [--verbose]\n`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const o = { timeoutMs: 240000, settings: {}, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--extension':
        o.extension = val();
        break;
      case '--tests':
        o.tests = val();
        break;
      case '--workspace':
        o.workspace = val();
        break;
      case '--screenshot-dir':
        o.screenshotDir = path.resolve(val());
        break;
      case '--timeout-ms':
        o.timeoutMs = Number(val());
        break;
      case '--settings':
        try {
          o.settings = JSON.parse(val());
        } catch (e) {
          usage(`--settings is not JSON: ${e.message}`);
        }
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '-h':
      case '--help':
        usage('help');
        break;
      default:
        usage(`unknown argument ${a}`);
    }
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!o[k]) usage(`--${k} is required`);
    o[k] = path.resolve(o[k]); // absolute paths expected; relative ones are taken from the cwd
    if (!fs.existsSync(o[k])) usage(`--${k} does not exist: ${o[k]}`);
  }
  if (!fs.existsSync(path.join(o.extension, 'package.json'))) usage(`no package.json in ${o.extension}`);
  if (!Number.isFinite(o.timeoutMs) || o.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  return o;
}

function cacheDir() {
  return process.env.BILINT_HARNESS_CACHE || path.join(os.homedir(), '.cache', 'bilint', `code-server-${CODE_SERVER_VERSION}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Keeps the last lines of a stream for failure reports; optionally relays them. */
function tailBuffer(stream, prefix, relay, max = 200) {
  const lines = [];
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop();
    for (const l of parts) {
      lines.push(l);
      if (lines.length > max) lines.shift();
      if (relay) process.stdout.write(`${prefix}${l}\n`);
    }
  });
  return lines;
}

function findFiles(root, base) {
  const out = [];
  const walk = (d) => {
    let ents;
    try {
      ents = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of ents) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === base) out.push(p);
    }
  };
  walk(root);
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const cache = cacheDir();
  const codeServerEntry = path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwrightPath = path.join(cache, 'tools', 'node_modules', 'playwright-core');
  const chromiumBin = '/usr/lib/chromium/chromium';
  for (const [what, p] of [
    ['code-server', codeServerEntry],
    ['playwright-core', playwrightPath],
    ['chromium', chromiumBin],
  ]) {
    if (!fs.existsSync(p)) {
      process.stderr.write(`[harness] ${what} not found at ${p}: run bash scripts/install-vscode-harness.sh\n`);
      process.exit(3);
    }
  }
  const { chromium } = require(playwrightPath);

  let mochaPath = process.env.BILINT_MOCHA_PATH;
  if (!mochaPath) {
    try {
      mochaPath = path.dirname(require.resolve('mocha/package.json', { paths: [__dirname] }));
    } catch {
      mochaPath = '';
    }
  }

  // ---- state shared with cleanup ------------------------------------------
  const state = {
    tmpRoot: undefined,
    codeServer: undefined,
    chromiumProc: undefined,
    browser: undefined,
    cleaning: undefined,
    interrupted: false,
  };
  // after SIGINT/SIGTERM the signal handler owns cleanup and exit: main just stops here
  const stopIfInterrupted = () => (state.interrupted ? new Promise(() => {}) : undefined);

  const killGroup = (proc, signal) => {
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    try {
      process.kill(-proc.pid, signal);
    } catch {
      try {
        proc.kill(signal);
      } catch {
        /* already gone */
      }
    }
  };
  const waitExit = (proc, ms) =>
    new Promise((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve(true);
      const t = setTimeout(() => resolve(false), ms);
      proc.once('exit', () => {
        clearTimeout(t);
        resolve(true);
      });
    });

  // Stops Chromium and code-server, runs beforeRemove (log reporting: the logs are
  // complete only once the processes are gone), then removes the temp folders.
  async function cleanup(beforeRemove) {
    if (state.cleaning) return state.cleaning;
    state.cleaning = (async () => {
      if (state.browser) {
        // ask Chromium to quit by itself (it then reaps its own helpers), then disconnect
        const quit = async () => {
          const s = await state.browser.newBrowserCDPSession();
          await s.send('Browser.close');
        };
        await Promise.race([quit().catch(() => {}), sleep(3000)]);
        await Promise.race([state.browser.close().catch(() => {}), sleep(2000)]);
        await waitExit(state.chromiumProc, 3000);
      }
      for (const proc of [state.chromiumProc, state.codeServer]) killGroup(proc, 'SIGTERM');
      for (const proc of [state.chromiumProc, state.codeServer]) {
        if (!(await waitExit(proc, 5000))) {
          killGroup(proc, 'SIGKILL');
          await waitExit(proc, 2000);
        }
      }
      if (beforeRemove) {
        try {
          beforeRemove();
        } catch (e) {
          log(`reporting failed: ${e.message}`);
        }
      }
      if (state.tmpRoot) {
        await fsp.rm(state.tmpRoot, { recursive: true, force: true, maxRetries: 3 }).catch((e) => {
          log(`could not remove ${state.tmpRoot}: ${e.message}`);
        });
      }
    })();
    return state.cleaning;
  }
  // last resort if something exits synchronously
  process.on('exit', () => {
    for (const proc of [state.chromiumProc, state.codeServer]) killGroup(proc, 'SIGKILL');
  });
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(sig, () => {
      if (state.interrupted) return;
      state.interrupted = true;
      log(`${sig} received: cleaning up`);
      cleanup().finally(() => process.exit(code));
    });
  }

  let exitCode = 3;
  let userData;
  try {
    // ---- isolated folders ---------------------------------------------------
    state.tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'bilint-vscode-'));
    const d = (name) => {
      const p = path.join(state.tmpRoot, name);
      fs.mkdirSync(p, { recursive: true, mode: 0o700 });
      return p;
    };
    const home = d('home');
    const tmp = d('tmp');
    userData = d('user-data');
    const extensionsDir = d('extensions');
    const chromeProfile = d('chromium-profile');
    const requestDir = d('screenshot-requests');
    const xdg = {
      XDG_CONFIG_HOME: d('xdg/config'),
      XDG_DATA_HOME: d('xdg/data'),
      XDG_CACHE_HOME: d('xdg/cache'),
      XDG_STATE_HOME: d('xdg/state'),
      XDG_RUNTIME_DIR: d('xdg/runtime'),
    };
    if (opts.screenshotDir) fs.mkdirSync(opts.screenshotDir, { recursive: true });

    const settings = {
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'git.openRepositoryInParentFolders': 'never',
      ...opts.settings,
    };
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const configFile = path.join(state.tmpRoot, 'code-server.yaml');
    fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

    // ---- code-server ----------------------------------------------------------
    const env = {
      ...process.env,
      HOME: home,
      TMPDIR: tmp,
      ...xdg,
      EXTENSIONS_GALLERY: '{}',
      BILINT_SCREENSHOT_REQUEST_DIR: requestDir,
      BILINT_SCREENSHOT_DIR: opts.screenshotDir || '',
      BILINT_HARNESS_PATH: __filename,
      BILINT_MOCHA_PATH: mochaPath,
    };
    delete env.VSCODE_IPC_HOOK_CLI;
    delete env.ELECTRON_RUN_AS_NODE;
    const csArgs = [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      '--config',
      configFile,
    ];
    log(`code-server ${CODE_SERVER_VERSION} on ${base} (temp ${state.tmpRoot})`);
    state.codeServer = spawn(process.execPath, csArgs, {
      env,
      cwd: home,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const csOut = tailBuffer(state.codeServer.stdout, '[code-server] ', opts.verbose);
    const csErr = tailBuffer(state.codeServer.stderr, '[code-server] ', opts.verbose);
    let csExited = false;
    state.codeServer.on('exit', (code, sig) => {
      csExited = true;
      if (!state.cleaning) log(`code-server exited unexpectedly (code ${code}, signal ${sig})`);
    });
    const healthDeadline = Date.now() + 60000;
    while (!(await httpOk(`${base}/healthz`))) {
      if (csExited || Date.now() > healthDeadline) {
        log(csExited ? 'code-server exited before /healthz answered' : 'code-server /healthz did not answer within 60 s');
        process.stdout.write([...csOut, ...csErr].map((l) => `[code-server] ${l}\n`).join(''));
        throw Object.assign(new Error('code-server did not start'), { exitCode: 3 });
      }
      await sleep(200);
    }
    log(`code-server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // ---- chromium -----------------------------------------------------------
    const chromeArgs = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--window-size=1440,900',
      `--user-data-dir=${chromeProfile}`,
      '--remote-debugging-port=0',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      'about:blank',
    ];
    state.chromiumProc = spawn(chromiumBin, chromeArgs, {
      env: { ...process.env, HOME: home, TMPDIR: tmp, ...xdg },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const wsUrl = await new Promise((resolve, reject) => {
      let buf = '';
      const t = setTimeout(() => reject(new Error(`chromium printed no DevTools URL within 30 s:\n${buf.slice(-2000)}`)), 30000);
      const onData = (c) => {
        buf += c;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      };
      state.chromiumProc.stderr.setEncoding('utf8');
      state.chromiumProc.stderr.on('data', onData);
      state.chromiumProc.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`chromium exited (code ${code}) before DevTools was ready:\n${buf.slice(-2000)}`));
      });
    });
    state.chromiumProc.stderr.on('data', () => {}); // keep draining
    state.browser = await chromium.connectOverCDP(wsUrl);
    const context = state.browser.contexts()[0] || (await state.browser.newContext());
    const page = context.pages()[0] || (await context.newPage());

    // ---- exit code, console relay -------------------------------------------
    let resolveExit;
    const exitPromise = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : typeof args === 'string' ? args : util.format(args);
      const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    if (opts.verbose) page.on('pageerror', (e) => log(`page error: ${e.message}`));

    // ---- screenshots on request ----------------------------------------------
    let screenshotBusy = false;
    const shoot = async (name) => {
      const png = path.join(opts.screenshotDir, `${name}.png`);
      await page.screenshot({ path: png, timeout: 20000 });
      return png;
    };
    const pollRequests = async () => {
      if (screenshotBusy) return;
      screenshotBusy = true;
      try {
        for (const f of fs.readdirSync(requestDir)) {
          if (!f.endsWith('.req')) continue;
          const name = f.slice(0, -4);
          const reqFile = path.join(requestDir, f);
          const doneFile = path.join(requestDir, `${name}.done`);
          let answer;
          if (!NAME_RE.test(name)) answer = `error bad screenshot name ${JSON.stringify(name)}`;
          else if (!opts.screenshotDir) answer = 'error no --screenshot-dir given to the harness';
          else {
            try {
              answer = `ok ${await shoot(name)}`;
              log(`screenshot ${name}.png`);
            } catch (e) {
              answer = `error ${e.message.split('\n')[0]}`;
            }
          }
          fs.rmSync(reqFile, { force: true });
          fs.writeFileSync(`${doneFile}.tmp`, answer);
          fs.renameSync(`${doneFile}.tmp`, doneFile);
        }
      } catch (e) {
        log(`screenshot request polling: ${e.message}`);
      } finally {
        screenshotBusy = false;
      }
    };
    const pollTimer = setInterval(pollRequests, 200);

    // ---- go -------------------------------------------------------------------
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(opts.extension)],
      ['extensionTestsPath', remote(opts.tests)],
      ['skipWelcome', 'true'],
    ];
    const url = `${base}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening workbench: ${opts.workspace}`);
    log(`extension ${opts.extension}, tests ${opts.tests}, timeout ${opts.timeoutMs} ms`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), Math.max(0, opts.timeoutMs - (Date.now() - started)))));
    const csDied = new Promise((r) => state.codeServer.once('exit', () => r('code-server-exit')));
    const outcome = await Promise.race([exitPromise, timeout, csDied]);
    clearTimeout(timer);
    clearInterval(pollTimer);
    await stopIfInterrupted();
    await pollRequests(); // answer any request that came in at the very end

    if (outcome === 'timeout') {
      log(`TIMEOUT: the suite did not finish within ${opts.timeoutMs} ms (run() never settled, or the extension host never started)`);
      exitCode = 124;
    } else if (outcome === 'code-server-exit') {
      log('code-server died while the suite was running');
      process.stdout.write(
        [...csOut, ...csErr]
          .slice(-40)
          .map((l) => `[code-server] ${l}\n`)
          .join(''),
      );
      exitCode = 3;
    } else {
      exitCode = outcome;
    }

    if (opts.screenshotDir) {
      try {
        log(`screenshot ${await shoot('final')}`);
      } catch (e) {
        log(`final screenshot failed: ${e.message.split('\n')[0]}`);
      }
    }
  } catch (e) {
    await stopIfInterrupted();
    log(`ERROR: ${e.stack || e.message}`);
    exitCode = e.exitCode || 3;
  }

  await stopIfInterrupted();
  await cleanup(() => {
    if (exitCode !== 0 && userData) reportLogs(userData, opts);
  });
  log(`suite exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(exitCode);
}

/** On failure: keep the VS Code logs (the temp dir goes away) and print the extension host's tail. */
function reportLogs(userData, opts) {
  const logsDir = path.join(userData, 'logs');
  if (!fs.existsSync(logsDir)) {
    log('no VS Code logs were written');
    return;
  }
  let keep;
  try {
    keep = opts.screenshotDir
      ? path.join(opts.screenshotDir, 'vscode-logs')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-vscode-logs-'));
    fs.rmSync(keep, { recursive: true, force: true });
    fs.cpSync(logsDir, keep, { recursive: true });
  } catch (e) {
    log(`could not copy logs: ${e.message}`);
    keep = undefined;
  }
  const root = keep || logsDir;
  const exthostLogs = findFiles(root, 'remoteexthost.log');
  log(`VS Code logs kept in ${root}`);
  if (exthostLogs.length === 0) {
    log('no remoteexthost.log found (the extension host never started?)');
    return;
  }
  for (const f of exthostLogs) {
    log(`extension host log: ${f}`);
    const lines = fs.readFileSync(f, 'utf8').trimEnd().split('\n');
    process.stdout.write(`----- tail of ${path.basename(f)} -----\n${lines.slice(-40).join('\n')}\n-----\n`);
  }
}

module.exports = { requestScreenshot };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`[harness] fatal: ${e.stack || e}\n`);
    process.exit(3);
  });
}

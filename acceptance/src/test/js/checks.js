'use strict';
// Small helpers shared by the JS acceptance scripts, as checks.py is for the Python ones: every
// check prints what it saw, and the first failing one ends the script with exit status 1.

const assert = require('node:assert');
const http = require('node:http');

function fail(message) {
  console.log(`FAILED: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) {
    fail(message);
  }
}

function show(value) {
  return Buffer.isBuffer(value) ? `<${value.toString('hex')}>` : JSON.stringify(value);
}

function equal(got, expected, what) {
  try {
    assert.deepStrictEqual(got, expected);
  } catch (e) {
    fail(`${what}: expected ${show(expected)}, got ${show(got)}`);
  }
  console.log(`ok ${what}: ${show(got)}`);
}

/** Awaits call, which must throw; returns the error. */
async function rejects(call, what) {
  let result;
  try {
    result = await call();
  } catch (e) {
    return e;
  }
  return fail(`${what}: expected an error, got ${show(result)}`);
}

/** A plain GET, independent of the client library under test. */
function getJson(url, path) {
  return new Promise((resolve, reject) => {
    const request = http.get(url.replace(/\/$/, '') + path, { timeout: 30000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${path}: ${response.statusCode} ${body}`));
        } else {
          resolve(JSON.parse(body));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${path}: timed out`)));
    request.on('error', reject);
  });
}

/** Runs an async main; any uncaught error fails the script with its stack. */
function run(name, main) {
  main().then(
    () => console.log(`${name}: all checks passed`),
    (e) => fail(`uncaught: ${e && e.stack ? e.stack : e}`));
}

module.exports = { check, equal, fail, getJson, rejects, run };

// Preloaded into the server (node --require) by the security test: every way to run a program or open
// a network connection is replaced by one that reports FORBIDDEN on stderr and fails, and every file
// read or folder listing is reported as READ <path>, so the test can see exactly what the server touches.
'use strict';
const fs = require('node:fs');
const report = (line) => process.stderr.write(`${line}\n`);
function forbid(mod, names, what) {
  for (const name of names) {
    if (typeof mod[name] !== 'function') continue;
    mod[name] = function () {
      report(`FORBIDDEN ${what}.${name}`);
      throw new Error(`${what}.${name} is forbidden in this test`);
    };
  }
}
forbid(require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
forbid(require('node:net'), ['connect', 'createConnection'], 'net');
forbid(require('node:tls'), ['connect'], 'tls');
forbid(require('node:http'), ['request', 'get'], 'http');
forbid(require('node:https'), ['request', 'get'], 'https');
forbid(require('node:dns'), ['lookup', 'resolve', 'resolve4', 'resolve6'], 'dns');
forbid(require('node:dgram'), ['createSocket'], 'dgram');
if (typeof globalThis.fetch === 'function') forbid(globalThis, ['fetch'], 'global');
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function () {
  report('FORBIDDEN net.Socket.connect');
  return connect.apply(this, arguments);
};
function watch(mod, names, what) {
  for (const name of names) {
    const original = mod[name];
    if (typeof original !== 'function') continue;
    mod[name] = function (path) {
      if (typeof path === 'string' || path instanceof URL || Buffer.isBuffer(path)) report(`READ ${String(path)}`);
      return original.apply(this, arguments);
    };
  }
}
watch(fs, ['open', 'openSync', 'readFile', 'readFileSync', 'readdir', 'readdirSync', 'createReadStream', 'opendir'], 'fs');
watch(fs.promises, ['open', 'readFile', 'readdir', 'opendir'], 'fs.promises');

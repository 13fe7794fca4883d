'use strict';
// Loaded into s3rver with `node --require` (ServerProcess sets NODE_OPTIONS) by the storage tests and benchmarks.
//
// s3rver 3.7.1 answers a PUT (and a multipart completion) as soon as it has hashed the request body: its
// FilesystemStore.putObject resolves when the hashing transform finishes, while the write stream of the object file
// may still be writing. A GET that follows at once can then read a short or empty file under the new ETag; on a
// loaded machine the AWS SDK's download check fails with "Expected hash not equal to calculated hash". S3 itself
// reads after writes consistently, so this makes the emulator answer a put only once the file is written and closed.
const { AsyncLocalStorage } = require('node:async_hooks');
const { createRequire } = require('node:module');

const storePath = require.resolve('s3rver/lib/stores/filesystem');
const FilesystemStore = require(storePath);
const fs = createRequire(storePath)('fs-extra'); // s3rver's own copy, the one its store calls

if (typeof FilesystemStore.prototype.putObject !== 'function' || typeof fs.createWriteStream !== 'function') {
  throw new Error('s3rver-read-after-write.js: this s3rver has no FilesystemStore.putObject; check the shim against the s3rver version in package.json.');
}

// The write streams a put opens, each as a promise of its file being closed.
const writes = new AsyncLocalStorage();

const createWriteStream = fs.createWriteStream;
fs.createWriteStream = function (...args) {
  const stream = createWriteStream.apply(this, args);
  writes.getStore()?.push(new Promise((resolve, reject) => stream.once('close', resolve).once('error', reject)));
  return stream;
};

const putObject = FilesystemStore.prototype.putObject;
FilesystemStore.prototype.putObject = function (object) {
  const opened = [];
  return writes.run(opened, async () => {
    const result = await putObject.call(this, object);
    if (opened.length === 0) throw new Error('s3rver-read-after-write.js: the put opened no file that it could wait for; check the shim against this s3rver.');
    await Promise.all(opened);
    return result;
  });
};

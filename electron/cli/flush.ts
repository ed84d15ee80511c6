// Waiting for a stream to hand its queued output to the OS. A write's callback runs once that
// chunk is written, and chunks go in order, so an empty write's callback means all earlier
// output is out.
import type { Writable } from 'node:stream';

export function flushed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    // A closed stream (the reader went away: EPIPE) holds nothing more we could deliver.
    if (stream.destroyed || stream.writableEnded) return resolve();
    const done = () => {
      stream.off('error', done);
      resolve();
    };
    stream.once('error', done);
    stream.write('', done);
  });
}

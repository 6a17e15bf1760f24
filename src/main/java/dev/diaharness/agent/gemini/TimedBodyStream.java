package dev.diaharness.agent.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose every read has a deadline: at most {@code idle} of silence between
 * chunks and {@code whole} for the entire body. {@code HttpRequest.timeout} only covers the wait for the headers,
 * and a blocked read on the JDK's own body stream cannot be interrupted, so the body is pulled from the client's
 * publisher into a queue that is polled with a timeout. On a timeout the subscription is cancelled (the connection
 * is dropped) and {@link StreamTimeoutException} is thrown. One reader thread; the publisher may call from any thread.
 */
final class TimedBodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
  /** A read waited longer than the idle or whole-body timeout. */
  static final class StreamTimeoutException extends IOException {
    StreamTimeoutException(String message) {
      super(message);
    }
  }

  private static final ByteBuffer END = ByteBuffer.allocate(0);

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idle;
  private final Duration whole;
  private final long deadlineNanos;
  private volatile Flow.Subscription subscription;
  private ByteBuffer current = ByteBuffer.allocate(0);
  private boolean ended;

  TimedBodyStream(Duration idle, Duration whole) {
    this.idle = idle;
    this.whole = whole;
    this.deadlineNanos = System.nanoTime() + whole.toNanos();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    queue.addAll(buffers);
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    queue.add(error);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!current.hasRemaining()) {
      if (ended) {
        return -1;
      }
      nextBuffer();
    }
    int n = Math.min(length, current.remaining());
    current.get(into, offset, n);
    return n;
  }

  private void nextBuffer() throws IOException {
    long remaining = deadlineNanos - System.nanoTime();
    long wait = Math.min(idle.toNanos(), remaining);
    Object next;
    try {
      next = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while reading the answer");
    }
    if (next == null) {
      close();
      throw new StreamTimeoutException(remaining <= idle.toNanos()
          ? "the answer took longer than " + human(whole)
          : "no data for " + human(idle) + " in the middle of the answer");
    }
    if (next instanceof Throwable t) {
      ended = true;
      throw new IOException("the connection broke while reading the answer: " + t.getClass().getSimpleName(), t);
    }
    if (next == END) {
      ended = true;
    } else {
      current = (ByteBuffer) next;
    }
  }

  private static String human(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  @Override
  public void close() {
    ended = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}

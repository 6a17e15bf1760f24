package dev.diaharness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the CPU of a measurement went: process CPU time, and CPU time per thread group (thread name without its
 * number: {@code emulator-http-}, {@code train-agent-}, {@code HttpClient-…}, {@code scoring-}). Threads are sampled
 * every 100 ms while it runs, so a thread that ends between samples loses its last < 100 ms. Not thread-safe: one
 * owner starts and stops it.
 */
final class CpuSampler implements AutoCloseable {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startCpu = new HashMap<>();
  private final Map<Long, Long> lastCpu = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final long startProcessCpu;
  private final Thread sampler;
  private volatile boolean running = true;

  CpuSampler() {
    sample(true);
    startProcessCpu = processCpuNanos();
    sampler = new Thread(() -> {
      while (running) {
        Bench.sleepMillis(100);
        sample(false);
      }
    }, "cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private synchronized void sample(boolean first) {
    long[] ids = threads.getAllThreadIds();
    for (ThreadInfo info : threads.getThreadInfo(ids)) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      if (first) {
        startCpu.put(info.getThreadId(), cpu);
      }
      lastCpu.put(info.getThreadId(), cpu);
      names.put(info.getThreadId(), info.getThreadName());
    }
  }

  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
  }

  /** Process CPU seconds since the start. */
  double processCpuSeconds() {
    return (processCpuNanos() - startProcessCpu) / 1e9;
  }

  /** CPU seconds per thread group since the start, largest first, as text. */
  synchronized String byGroup() {
    Map<String, Long> groups = new TreeMap<>();
    lastCpu.forEach((id, cpu) -> {
      long used = cpu - startCpu.getOrDefault(id, 0L);
      String group = names.get(id).replaceAll("[0-9]+", "#");
      groups.merge(group, used, Long::sum);
    });
    return groups.entrySet().stream()
        .filter(e -> e.getValue() > 50_000_000L)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> Bench.f("%s %.1fs", e.getKey(), e.getValue() / 1e9))
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    running = false;
    sample(false);
  }
}

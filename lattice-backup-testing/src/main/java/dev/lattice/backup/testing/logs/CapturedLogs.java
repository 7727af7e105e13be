/*
 * Copyright 2026 The lattice-backup authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lattice.backup.testing.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test SLF4J provider: silent (as SLF4J without a provider) except between {@link #start()} and
 * {@link #stop()}, when it keeps, at every level, each line the library's own loggers ({@code
 * dev.lattice.*}) write, with the full stack trace of any throwable, so that a test can search them
 * for Secret data or for what was logged at a level. A module's tests register it in their {@code
 * META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
  private static final List<String> LINES = new CopyOnWriteArrayList<>();
  private static volatile boolean capturing;

  private final ILoggerFactory factory = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Forgets the lines kept so far and keeps every line from now on. */
  public static void start() {
    LINES.clear();
    capturing = true;
  }

  /**
   * The lines kept since {@link #start()}, while it goes on keeping them.
   *
   * @return the lines, formatted as {@code LEVEL logger message} and the throwable's stack trace
   */
  public static List<String> lines() {
    return List.copyOf(LINES);
  }

  /**
   * Stops keeping lines.
   *
   * @return the lines kept since {@link #start()}, as {@link #lines()} formats them
   */
  public static List<String> stop() {
    capturing = false;
    return List.copyOf(LINES);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    private boolean on() {
      return capturing && name.startsWith("dev.lattice.");
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return name;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        @Nullable Marker marker,
        String message,
        Object @Nullable [] args,
        @Nullable Throwable throwable) {
      if (!on()) {
        return;
      }
      StringBuilder line = new StringBuilder();
      line.append(level).append(' ').append(name).append(' ');
      line.append(MessageFormatter.basicArrayFormat(message, args));
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        line.append('\n').append(trace);
      }
      LINES.add(line.toString());
    }

    @Override
    public boolean isTraceEnabled() {
      return on();
    }

    @Override
    public boolean isDebugEnabled() {
      return on();
    }

    @Override
    public boolean isInfoEnabled() {
      return on();
    }

    @Override
    public boolean isWarnEnabled() {
      return on();
    }

    @Override
    public boolean isErrorEnabled() {
      return on();
    }
  }
}

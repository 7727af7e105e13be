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
package dev.lattice.backup.reconcile.port;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data of a Secret: keys to bytes, deeply copied and compared by content. Its {@link
 * #toString()} names the keys only, so a Secret's data cannot reach a log line or a message by
 * accident.
 */
public final class SecretData {
  private static final SecretData EMPTY = new SecretData(new TreeMap<>());

  private final SortedMap<String, byte[]> data;

  private SecretData(SortedMap<String, byte[]> data) {
    this.data = data;
  }

  /**
   * Secret data from a map; keys and values are copied.
   *
   * @param data keys to values
   * @return the data
   */
  public static SecretData of(Map<String, byte[]> data) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    data.forEach(
        (k, v) ->
            copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value").clone()));
    return new SecretData(copy);
  }

  /**
   * No data.
   *
   * @return the empty data
   */
  public static SecretData empty() {
    return EMPTY;
  }

  /**
   * A copy of one value.
   *
   * @param key the key
   * @return the value's bytes, or empty when the key is absent
   */
  public Optional<byte[]> get(String key) {
    byte[] value = data.get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /**
   * Just one key of this data.
   *
   * @param key the key to keep
   * @return the data holding only that key (empty when absent)
   */
  public SecretData only(String key) {
    byte[] value = data.get(key);
    if (value == null) {
      return EMPTY;
    }
    TreeMap<String, byte[]> one = new TreeMap<>();
    one.put(key, value);
    return new SecretData(one);
  }

  /**
   * The keys, sorted.
   *
   * @return the keys
   */
  public java.util.Set<String> keys() {
    return Collections.unmodifiableSet(data.keySet());
  }

  /**
   * A copy of all the data.
   *
   * @return keys to copies of the values
   */
  public SortedMap<String, byte[]> toMap() {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    data.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SecretData that) || !data.keySet().equals(that.data.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      if (!Arrays.equals(e.getValue(), that.data.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = data.keySet().hashCode();
    for (byte[] v : data.values()) {
      h = 31 * h + Arrays.hashCode(v);
    }
    return h;
  }

  /** Names the keys only, never the values. */
  @Override
  public String toString() {
    return "SecretData" + data.keySet() + " (values redacted)";
  }
}

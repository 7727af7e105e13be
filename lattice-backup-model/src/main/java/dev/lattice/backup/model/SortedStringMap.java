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
package dev.lattice.backup.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map of strings that iterates in key order, held in two arrays: labels and
 * annotations are small, read often and copied often, and a tree of entries per map costs several
 * times the memory and a sort per copy. Copying one is free; copying a natural-order {@link
 * SortedMap} needs no sort.
 */
final class SortedStringMap extends AbstractMap<String, String> {
  private static final SortedStringMap EMPTY = new SortedStringMap(new String[0], new String[0]);

  /** Up to this many entries, an unsorted copy is sorted in place. */
  private static final int SMALL = 16;

  private final String[] keys;
  private final String[] values;

  private SortedStringMap(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * An immutable, key-ordered copy.
   *
   * @param map the map, or null for an empty one
   * @return the copy (the argument itself when it is already one)
   * @throws NullPointerException on a null key ("map key") or value ("map value")
   */
  static Map<String, String> copyOf(@Nullable Map<String, String> map) {
    if (map instanceof SortedStringMap same) {
      return same;
    }
    if (map == null || map.isEmpty()) {
      return EMPTY;
    }
    int n = map.size();
    String[] keys = new String[n];
    String[] values = new String[n];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      keys[i] = Objects.requireNonNull(e.getKey(), "map key");
      values[i] = Objects.requireNonNull(e.getValue(), "map value");
      i++;
    }
    boolean naturalOrder = map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null;
    if (!naturalOrder && !ascending(keys)) {
      if (n > SMALL) {
        return sortedByIndex(keys, values);
      }
      // Few entries (labels usually): insertion sort in place, no boxing.
      for (int k = 1; k < n; k++) {
        String key = keys[k];
        String value = values[k];
        int j = k - 1;
        while (j >= 0 && keys[j].compareTo(key) > 0) {
          keys[j + 1] = keys[j];
          values[j + 1] = values[j];
          j--;
        }
        keys[j + 1] = key;
        values[j + 1] = value;
      }
    }
    return new SortedStringMap(keys, values);
  }

  private static SortedStringMap sortedByIndex(String[] keys, String[] values) {
    int n = keys.length;
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
    String[] sortedKeys = new String[n];
    String[] sortedValues = new String[n];
    for (int k = 0; k < n; k++) {
      sortedKeys[k] = keys[order[k]];
      sortedValues[k] = values[order[k]];
    }
    return new SortedStringMap(sortedKeys, sortedValues);
  }

  private static boolean ascending(String[] keys) {
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1].compareTo(keys[i]) >= 0) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(@Nullable Object key) {
    return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    int at = indexOf(key);
    return at >= 0 ? values[at] : null;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, String> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }
}

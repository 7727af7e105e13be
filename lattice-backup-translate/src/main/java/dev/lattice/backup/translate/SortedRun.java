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
package dev.lattice.backup.translate;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A read-only sorted map over a slice of two parallel arrays whose keys are distinct and already
 * ascending in their natural order. It lets {@code new TreeMap<>(run)} build its tree in one linear
 * pass instead of sorting again, and {@link TranslationPlan} keeps the run that {@link
 * Translator#translateAll} makes as it is. The arrays are not copied, so a run must not outlive a
 * change to them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SortedRun<K extends Comparable<? super K>, V> extends AbstractMap<K, V>
    implements SortedMap<K, V> {
  private final K[] keys;
  private final V[] values;
  private final int from;
  private final int to;

  /**
   * A run over the first {@code size} entries.
   *
   * @param keys the keys, distinct and ascending over {@code [0, size)}
   * @param values the values, by position
   * @param size how many entries are in use
   */
  SortedRun(K[] keys, V[] values, int size) {
    this(keys, values, 0, size);
  }

  private SortedRun(K[] keys, V[] values, int from, int to) {
    this.keys = keys;
    this.values = values;
    this.from = from;
    this.to = to;
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public @Nullable V get(Object key) {
    int at = indexOf(key);
    return at >= 0 ? values[at] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    Objects.requireNonNull(key, "key"); // as a TreeMap in natural order refuses null
    if (!(key instanceof Comparable<?>) || size() == 0) {
      return -1;
    }
    try {
      return Arrays.binarySearch(keys, from, to, key);
    } catch (ClassCastException e) {
      return -1;
    }
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return to - from;
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          public Map.Entry<K, V> next() {
            if (next >= to) {
              throw new NoSuchElementException();
            }
            Map.Entry<K, V> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }

  @Override
  public @Nullable Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return new SortedRun<>(keys, values, lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return new SortedRun<>(keys, values, from, lowerBound(toKey));
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return new SortedRun<>(keys, values, lowerBound(fromKey), to);
  }

  /** The first position in the run whose key is not less than {@code key}. */
  private int lowerBound(K key) {
    int at = Arrays.binarySearch(keys, from, to, key);
    return at >= 0 ? at : -at - 1;
  }

  @Override
  public K firstKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[from];
  }

  @Override
  public K lastKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[to - 1];
  }
}

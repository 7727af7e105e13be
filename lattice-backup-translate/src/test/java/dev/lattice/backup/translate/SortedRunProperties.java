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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link SortedRun} behaves as a {@link TreeMap} with the same entries, views included. */
class SortedRunProperties {

  @Property(tries = 300)
  void aRunIsATreeMapWithTheSameEntries(
      @ForAll @Size(max = 40) Set<@StringLength(max = 4) String> keySet,
      @ForAll @StringLength(max = 5) String probe,
      @ForAll @StringLength(max = 5) String a,
      @ForAll @StringLength(max = 5) String b,
      @ForAll @IntRange(min = 0, max = 5) int unused) {
    List<String> keys = new ArrayList<>(new TreeSet<>(keySet));
    String[] k = new String[keys.size() + unused];
    Integer[] v = new Integer[k.length];
    TreeMap<String, Integer> reference = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      k[i] = keys.get(i);
      v[i] = i * 7;
      reference.put(k[i], v[i]);
    }
    SortedRun<String, Integer> run = new SortedRun<>(k, v, keys.size());

    assertSame(run, reference);
    assertThat(new TreeMap<>(run)).isEqualTo(reference);
    assertThat(run.get(probe)).isEqualTo(reference.get(probe));
    assertThat(run.containsKey(probe)).isEqualTo(reference.containsKey(probe));
    assertThat(run.get(42)).isNull();
    assertThat(run.comparator()).isNull();
    String lo = a.compareTo(b) <= 0 ? a : b;
    String hi = a.compareTo(b) <= 0 ? b : a;
    assertSame(run.subMap(lo, hi), reference.subMap(lo, hi));
    assertSame(run.headMap(probe), reference.headMap(probe));
    assertSame(run.tailMap(probe), reference.tailMap(probe));
    assertSame(run.tailMap(lo).headMap(hi), reference.tailMap(lo).headMap(hi));
    if (!lo.equals(hi)) {
      assertThatThrownBy(() -> run.subMap(hi, lo)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void assertSame(SortedMap<String, Integer> run, SortedMap<String, Integer> ref) {
    assertThat(run.size()).isEqualTo(ref.size());
    assertThat(new ArrayList<>(run.entrySet())).isEqualTo(new ArrayList<>(ref.entrySet()));
    assertThat(run.entrySet().size()).isEqualTo(ref.entrySet().size());
    assertThat(run).isEqualTo(ref);
    assertThat(run.hashCode()).isEqualTo(ref.hashCode());
    if (ref.isEmpty()) {
      assertThatThrownBy(run::firstKey).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(run::lastKey).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> run.entrySet().iterator().next())
          .isInstanceOf(NoSuchElementException.class);
    } else {
      assertThat(run.firstKey()).isEqualTo(ref.firstKey());
      assertThat(run.lastKey()).isEqualTo(ref.lastKey());
    }
  }
}

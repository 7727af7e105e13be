package dev.lattice.backup.translate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Store keys in ascending {@link StoreKey} order, equal keys adjacent and in input order, found
 * with few cache misses: at 100,000 stores a comparison sort over the keys themselves spends most
 * of its time fetching strings scattered over the heap.
 *
 * <p>The names are copied, in input order, into one {@code char} array; each distinct namespace is
 * ranked once (a hash map over the keys, then a sort of the distinct namespaces); a counting sort
 * by rank groups the keys by namespace in linear time; and each group is merge-sorted by comparing
 * ranges of that array, which holds no pointers and is a few megabytes at most for 100,000 stores.
 * Chars compare as {@link String#compareTo} compares them, so the order is exactly {@link
 * StoreKey}'s.
 */
final class KeyOrder {
  /** Longest run sorted by insertion before merging. */
  private static final int RUN = 16;

  /** Most chars copied into one array; beyond it, names are compared where they lie. */
  static final int TEXT_LIMIT = Integer.MAX_VALUE - 16;

  private final int[] inputIndex;
  private final boolean[] repeats;

  private KeyOrder(int[] inputIndex, boolean[] repeats) {
    this.inputIndex = inputIndex;
    this.repeats = repeats;
  }

  /**
   * Orders the keys.
   *
   * @param keys the keys, in input order
   * @return their order
   */
  static KeyOrder of(StoreKey[] keys) {
    return of(keys, TEXT_LIMIT);
  }

  /**
   * Orders the keys, copying names into one array only while they total at most {@code textLimit}
   * chars (a parameter so tests can take the other path).
   */
  static KeyOrder of(StoreKey[] keys, int textLimit) {
    int n = keys.length;
    Names names = Names.of(keys, textLimit);
    int[] rank = namespaceRanks(keys);
    int groups = 0;
    for (int r : rank) {
      groups = Math.max(groups, r + 1);
    }
    int[] start = new int[groups + 1];
    for (int r : rank) {
      start[r + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] fill = Arrays.copyOf(start, groups);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[fill[rank[i]]++] = i;
    }
    int[] buffer = new int[n];
    for (int g = 0; g < groups; g++) {
      names.sort(order, buffer, start[g], start[g + 1]);
    }
    boolean[] repeats = new boolean[n];
    int group = 0;
    for (int p = 0; p < n; p++) {
      while (start[group + 1] <= p) {
        group++;
      }
      repeats[p] = p > start[group] && names.compare(order[p - 1], order[p]) == 0;
    }
    return new KeyOrder(order, repeats);
  }

  /** Each key's namespace rank: 0 for the least namespace, and so on; equal namespaces, equal. */
  private static int[] namespaceRanks(StoreKey[] keys) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] id = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      String namespace = keys[i].namespace();
      Integer known = ids.get(namespace);
      if (known == null) {
        known = distinct.size();
        ids.put(namespace, known);
        distinct.add(namespace);
      }
      id[i] = known;
    }
    String[] sorted = distinct.toArray(new String[0]);
    Arrays.sort(sorted);
    int[] rankOfId = new int[sorted.length];
    for (int r = 0; r < sorted.length; r++) {
      rankOfId[Objects.requireNonNull(ids.get(sorted[r]))] = r;
    }
    for (int i = 0; i < id.length; i++) {
      id[i] = rankOfId[id[i]];
    }
    return id;
  }

  /**
   * How many keys.
   *
   * @return the number of keys
   */
  int size() {
    return inputIndex.length;
  }

  /**
   * The input position of the key at a sorted position.
   *
   * @param position the sorted position
   * @return its index in the input
   */
  int inputIndex(int position) {
    return inputIndex[position];
  }

  /**
   * Whether the key at a sorted position equals the one before it.
   *
   * @param position the sorted position
   * @return true for the second and later of equal keys
   */
  boolean repeatsPrevious(int position) {
    return repeats[position];
  }

  /**
   * The names of one namespace group after another, compared by index: from one shared char array,
   * or, when that would be too long, as the strings themselves.
   */
  private static final class Names {
    private final char @Nullable [] text;
    private final int[] bounds;
    private final StoreKey[] keys;

    private Names(char @Nullable [] text, int[] bounds, StoreKey[] keys) {
      this.text = text;
      this.bounds = bounds;
      this.keys = keys;
    }

    /**
     * The keys' names, copied in input order into one array that grows as needed, unless they total
     * more than {@code textLimit} chars.
     */
    static Names of(StoreKey[] keys, int textLimit) {
      int n = keys.length;
      int[] bounds = new int[n + 1];
      char[] text = new char[(int) Math.min(textLimit, 16L * n)];
      int used = 0;
      for (int i = 0; i < n; i++) {
        String name = keys[i].name();
        int length = name.length();
        if (length > textLimit - used) {
          return new Names(null, bounds, keys);
        }
        if (length > text.length - used) {
          long grown = Math.max((long) used + length, 2L * text.length);
          text = Arrays.copyOf(text, (int) Math.min(textLimit, grown));
        }
        name.getChars(0, length, text, used);
        bounds[i] = used;
        used += length;
        bounds[i + 1] = used;
      }
      return new Names(text, bounds, keys);
    }

    /** Compares names {@code x} and {@code y} as {@link String#compareTo} would. */
    int compare(int x, int y) {
      char[] t = text;
      if (t == null) {
        return keys[x].name().compareTo(keys[y].name());
      }
      int from = bounds[x];
      int length = bounds[x + 1] - from;
      int otherFrom = bounds[y];
      int otherLength = bounds[y + 1] - otherFrom;
      int common = Math.min(length, otherLength);
      for (int k = 0; k < common; k++) {
        char c = t[from + k];
        char d = t[otherFrom + k];
        if (c != d) {
          return c - d;
        }
      }
      return length - otherLength;
    }

    /**
     * Sorts {@code order[from, to)} by name, stably: insertion sort of short runs, then bottom-up
     * merges through {@code buffer}. The result is left in {@code order}.
     */
    void sort(int[] order, int[] buffer, int from, int to) {
      for (int lo = from; lo < to; lo += RUN) {
        int hi = Math.min(lo + RUN, to);
        for (int i = lo + 1; i < hi; i++) {
          int v = order[i];
          int j = i - 1;
          while (j >= lo && compare(order[j], v) > 0) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = v;
        }
      }
      int[] src = order;
      int[] dst = buffer;
      for (int width = RUN; width < to - from; width *= 2) {
        for (int lo = from; lo < to; lo += 2 * width) {
          int mid = Math.min(lo + width, to);
          int hi = Math.min(lo + 2 * width, to);
          merge(src, dst, lo, mid, hi);
        }
        int[] swap = src;
        src = dst;
        dst = swap;
      }
      if (src != order) {
        System.arraycopy(src, from, order, from, to - from);
      }
    }

    /** Merges the sorted {@code src[lo, mid)} and {@code src[mid, hi)} into {@code dst[lo, hi)}. */
    private void merge(int[] src, int[] dst, int lo, int mid, int hi) {
      if (mid >= hi || compare(src[mid - 1], src[mid]) <= 0) {
        System.arraycopy(src, lo, dst, lo, hi - lo);
        return;
      }
      int i = lo;
      int j = mid;
      int out = lo;
      while (i < mid && j < hi) {
        dst[out++] = compare(src[i], src[j]) <= 0 ? src[i++] : src[j++];
      }
      System.arraycopy(src, i, dst, out, mid - i);
      System.arraycopy(src, j, dst, out + mid - i, hi - j);
    }
  }
}

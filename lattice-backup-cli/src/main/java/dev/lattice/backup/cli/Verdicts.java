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
package dev.lattice.backup.cli;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates everything loaded at once and gathers every error as one printable line each. */
final class Verdicts {
  /** One error line: {@code FILE:LINE: NAMESPACE/NAME: FIELD.PATH: message}. */
  record Line(String source, int line, String text) {}

  /** The plan of the valid stores, every error, and how many stores were read (valid or not). */
  record Outcome(TranslationPlan plan, List<Line> errors, int stores) {}

  private Verdicts() {}

  static Outcome judge(Loader.Result loaded, TranslationOptions options) {
    List<Line> errors = new ArrayList<>();
    List<BackupStore> stores = new ArrayList<>(loaded.stores().size());
    List<Loader.Loaded> bound = new ArrayList<>(loaded.stores().size());
    for (Loader.Loaded l : loaded.stores()) {
      if (l.store().isEmpty()) {
        for (FieldError e : l.located().locate(l.readErrors())) {
          errors.add(line(l, l.key(), e));
        }
        continue;
      }
      stores.add(l.store().get());
      bound.add(l);
    }
    TranslationPlan plan = Translator.translateAll(stores, List.<ForeignBsl>of(), options);
    var rejections = plan.rejections();
    if (rejections.isEmpty()) {
      return new Outcome(plan, sorted(errors), loaded.stores().size());
    }
    Map<StoreKey, List<Loader.Loaded>> origin = new HashMap<>();
    for (Loader.Loaded l : bound) {
      origin.computeIfAbsent(StoreKey.of(l.store().orElseThrow()), k -> new ArrayList<>()).add(l);
    }
    rejections.forEach(
        (key, rejected) -> {
          for (Loader.Loaded l : origin.getOrDefault(key, List.of())) {
            for (FieldError e : l.located().locate(rejected.errors())) {
              errors.add(line(l, key.toString(), e));
            }
          }
        });
    return new Outcome(plan, sorted(errors), loaded.stores().size());
  }

  private static List<Line> sorted(List<Line> errors) {
    errors.sort(
        Comparator.comparing(Line::source).thenComparingInt(Line::line).thenComparing(Line::text));
    return errors;
  }

  private static Line line(Loader.Loaded l, String key, FieldError e) {
    int line = e.location().map(at -> at.line()).orElse(l.start().line());
    return new Line(l.source(), line, l.source() + ":" + line + ": " + key + ": " + e);
  }
}

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
package dev.lattice.backup.benchmarks.startup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.testing.fixtures.StoresYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Helpers of the start-up benchmark ({@code scripts/bench startup}), run with the CLI jar on the
 * class path: {@code gen N FILE} writes the render benchmark's N-store text; {@code parse FILE} is
 * the bare Jackson YAML parse of a file, as a whole process.
 */
public final class BenchTools {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "gen" -> {
        Files.writeString(Path.of(args[2]), StoresYaml.of(Integer.parseInt(args[1])));
      }
      case "parse" -> {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(Integer.MAX_VALUE);
        YAMLMapper bare = new YAMLMapper(YAMLFactory.builder().loaderOptions(loader).build());
        int docs = 0;
        try (JsonParser p = bare.getFactory().createParser(Files.readString(Path.of(args[1])));
            MappingIterator<JsonNode> it = bare.readValues(p, JsonNode.class)) {
          while (it.hasNext()) {
            it.next();
            docs++;
          }
        }
        System.out.println(docs + " documents");
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}

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
package dev.lattice.backup.fabric8.real;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * A budget for the properties of a class on the real API server: with system property {@value
 * #PROPERTY} set to a percentage, each property runs that share of the tries its {@code @Property}
 * names (at least one); without it, all of them. The executions that repeat the suite on every
 * supported Kubernetes version run them on a reduced budget; the default run keeps the full one.
 *
 * <p>jqwik's own {@code jqwik.tries.default} cannot do this: it only applies to properties that
 * name no tries. Nothing is skipped: every try of the budget runs, and after the property the hook
 * checks that jqwik ran no more than the budget (so a budget jqwik ignored fails the property) and
 * prints what it ran.
 */
final class ScaledTries implements AroundPropertyHook {
  /** The system property: the percentage of each property's tries to run, 1 to 100. */
  static final String PROPERTY = "lattice.it.tries.percent";

  /**
   * Registered on a class, the hook reaches its properties (jqwik's default stops at the class).
   */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.DIRECT_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    int percent = percent(System.getProperty(PROPERTY, "100"));
    int declared =
        context
            .attributes()
            .tries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        context.extendedLabel() + ": name the tries in @Property to budget them"));
    int budget = Math.max(1, declared * percent / 100);
    context.attributes().setTries(budget);
    PropertyExecutionResult result = property.execute();
    System.out.printf(
        "%s: %d tries of a budget of %d (%d%% of %d)%n",
        context.extendedLabel(), result.countTries(), budget, percent, declared);
    if (result.countTries() > budget) {
      return result.mapToFailed(
          context.extendedLabel() + " ran " + result.countTries() + " tries, over " + budget);
    }
    return result;
  }

  static int percent(String value) {
    int percent = Integer.parseInt(value.strip());
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException(PROPERTY + " must be 1 to 100, not " + value);
    }
    return percent;
  }
}

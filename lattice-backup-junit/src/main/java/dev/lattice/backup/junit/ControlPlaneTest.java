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
package dev.lattice.backup.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the real control plane of this JVM ({@link
 * ControlPlane#shared()}); test methods, constructors and lifecycle methods may take a {@link
 * ControlPlane} parameter.
 *
 * <pre>{@code
 * @ControlPlaneTest
 * class MyOperatorIT {
 *   @Test
 *   void reconciles(ControlPlane cluster) {
 *     try (KubernetesClient client = cluster.controller()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>When the control plane cannot be built or started (no Go on the machine, say), every test of
 * the class fails with the reason; none is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ControlPlaneExtension.class)
public @interface ControlPlaneTest {}

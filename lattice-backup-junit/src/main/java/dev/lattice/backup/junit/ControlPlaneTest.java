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

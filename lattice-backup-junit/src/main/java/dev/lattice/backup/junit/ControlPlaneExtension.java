package dev.lattice.backup.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link ControlPlaneTest}: starts {@link ControlPlane#shared()}
 * before the class's tests and resolves {@link ControlPlane} parameters.
 */
public final class ControlPlaneExtension implements BeforeAllCallback, ParameterResolver {
  /** Created by JUnit. */
  public ControlPlaneExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    ControlPlane.shared();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ControlPlane.shared();
  }
}

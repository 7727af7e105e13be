package dev.lattice.backup.cli;

/** Something that is not a verdict on a store (unreadable file, malformed text): exit 2. */
final class InputProblem extends Exception {
  private static final long serialVersionUID = 1L;

  InputProblem(String message) {
    super(message);
  }
}

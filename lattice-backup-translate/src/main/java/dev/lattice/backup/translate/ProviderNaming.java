package dev.lattice.backup.translate;

/** How plugin names are spelled in a BSL's {@code provider}; Velero accepts both. */
public enum ProviderNaming {
  /** {@code aws}, {@code gcp}, {@code azure}. */
  SHORT,
  /** {@code velero.io/aws}, {@code velero.io/gcp}, {@code velero.io/azure}. */
  QUALIFIED;

  /**
   * The spelling of a plugin name.
   *
   * @param plugin the short name, such as {@code aws}
   * @return the name in this spelling
   */
  public String spell(String plugin) {
    return this == SHORT ? plugin : "velero.io/" + plugin;
  }
}

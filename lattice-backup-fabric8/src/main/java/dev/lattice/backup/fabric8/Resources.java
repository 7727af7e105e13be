package dev.lattice.backup.fabric8;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The resource types the adapter talks to. */
public final class Resources {
  /** BackupStores, {@code lattice.dev/v1alpha1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORES =
      new ResourceDefinitionContext.Builder()
          .withGroup(BackupStore.GROUP)
          .withVersion(BackupStore.VERSION)
          .withKind(BackupStore.KIND)
          .withPlural(BackupStore.PLURAL)
          .withNamespaced(true)
          .build();

  /** Velero's BackupStorageLocations, {@code velero.io/v1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORAGE_LOCATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withKind(BackupStorageLocation.KIND)
          .withPlural("backupstoragelocations")
          .withNamespaced(true)
          .build();

  /** The field manager of every server-side apply, {@value}. */
  public static final String FIELD_MANAGER = "lattice-backup";

  /** The field manager of the one field the default writer changes, {@code spec.default}. */
  public static final String DEFAULT_FIELD_MANAGER = "lattice-backup-default";

  /** For encoding strings into hand-written JSON patches. */
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private Resources() {}
}

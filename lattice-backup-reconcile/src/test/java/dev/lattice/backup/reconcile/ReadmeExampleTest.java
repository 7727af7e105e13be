package dev.lattice.backup.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.PortException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Reconciling" snippet, compiled and run. */
class ReadmeExampleTest {

  @Test
  void theReadmeSnippetRuns() throws PortException {
    List<String> warnings = new ArrayList<>();
    List<Duration> scheduled = new ArrayList<>();

    InMemoryCluster cluster = InMemoryCluster.create();
    cluster.createStore(Fixtures.seed("s3-store.yaml"));
    Reconciler reconciler = new Reconciler(cluster.ports(), ReconcileOptions.defaults());

    ReconcileOutcome outcome = reconciler.reconcile();
    outcome.failures().forEach(f -> warnings.add(f.toString()));
    outcome.requeueAfter().ifPresent(scheduled::add);

    Plan plan = reconciler.plan();

    assertThat(warnings).isEmpty();
    assertThat(scheduled).containsExactly(Duration.ofSeconds(15));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(cluster.bsl("lattice-production-s3")).isPresent();
  }
}

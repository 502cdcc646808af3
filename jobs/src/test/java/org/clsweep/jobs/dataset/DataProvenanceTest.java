package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest records each selection's checksum; a later attempt on other data is refused naming the files. */
class DataProvenanceTest {
    @TempDir
    Path tmp;

    private static Datasets read(DatasetSpec spec) {
        LabelledPoints p = DatasetReader.read(spec, new Configuration());
        return Datasets.of(Map.of(spec.withChecksum(p.checksum()), p));
    }

    /** A manifest, written and parsed back, whose environment records {@code data}. */
    private static Manifest manifestOf(Datasets data) {
        Manifest m = new Manifest("ds", "hash", ManifestStatus.ABORTED, "v",
                Map.of(DataProvenance.ENTRY, DataProvenance.entry(data)), 1, 1, Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, "{}", 1, 0, 0, List.of(), null);
        return Manifest.parse(m.toJson());
    }

    @Test
    void theSameDataPassesAndChangedDataIsRefusedNamingTheFiles() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        DatasetSpec spec = new DatasetSpec(f[0].toString(), f[1].toString(), "", "", List.of(0, 2), 2,
                PointNormalization.NONE, "");
        Datasets before = read(spec);
        Manifest held = manifestOf(before);
        assertThat(held.environment().get(DataProvenance.ENTRY).toString())
                .contains(f[0] + " + " + f[1] + ": classes [0, 2], per_class 2=");
        assertThatCode(() -> DataProvenance.checkUnchanged(Optional.of(held), read(spec), "out"))
                .doesNotThrowAnyException();

        byte[] images = DatasetFixtures.images(DatasetFixtures.LABELS.length);
        images[16 + 6 * 4] = 0;   // image 4, label 2, selected
        DatasetFixtures.write(f[0], DatasetFixtures.gzip(images));
        Datasets after = read(spec);
        assertThatThrownBy(() -> DataProvenance.checkUnchanged(Optional.of(held), after, "runs/ds"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.source"))
                .hasMessageStartingWith(f[0] + " + " + f[1] + " changed since the sweep in runs/ds read it")
                .hasMessageContaining(before.bySelection().values().iterator().next().checksum());
        assertThatCode(() -> DataProvenance.checkUnchanged(Optional.empty(), after, "out")).doesNotThrowAnyException();
    }
}

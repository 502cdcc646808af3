package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartRecordTest {
    static final PartRecord RECORD = new PartRecord("a00003-b000017", "a00003-b000017-0f1e2d3c",
            List.of(new PartRecord.DataFile("part-00000-x.snappy.parquet", 48213),
                    new PartRecord.DataFile("part-00001-x.snappy.parquet", 7)));

    @Test
    void readsWhatItWrites() {
        assertThat(RECORD.text()).isEqualTo("clsweep result part\npart a00003-b000017\n"
                + "directory a00003-b000017-0f1e2d3c\nfile part-00000-x.snappy.parquet 48213\n"
                + "file part-00001-x.snappy.parquet 7\nend 2\n");
        assertThat(PartRecord.parse("a00003-b000017", RECORD.text())).contains(RECORD);
    }

    @Test
    void aRecordCutShortAnywhereIsNoCommit() {
        String text = RECORD.text();
        for (int n = 0; n < text.length(); n++) {
            assertThat(PartRecord.parse("a00003-b000017", text.substring(0, n))).as("first %d chars", n).isEmpty();
        }
    }

    @Test
    void aRecordOfAnotherPartOrWithAWrongCountIsNoCommit() {
        assertThat(PartRecord.parse("a00003-b000018", RECORD.text())).isEmpty();
        assertThat(PartRecord.parse("a00003-b000017", RECORD.text().replace("end 2", "end 3"))).isEmpty();
        assertThat(PartRecord.parse("a00003-b000017", RECORD.text().replace(" 7\n", " seven\n"))).isEmpty();
    }

    @Test
    void namesWithSpacesOrSlashesAndEmptyPartsAreRefused() {
        assertThatThrownBy(() -> new PartRecord("a00003-b000017", "x/y", RECORD.files()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x/y");
        assertThatThrownBy(() -> new PartRecord("a00003-b000017", "d", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no data file");
    }
}

package org.clsweep.jobs.export.section;

import java.util.List;
import java.util.Optional;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.SweepTables;

/**
 * The notebook's last section: the sweep's {@code OUT/manifest.json} as written by the sweep job
 * (resolved spec, counts, provenance), verbatim, or a note that the output has none.
 */
public final class ManifestSection implements NotebookSection {
    static final String TITLE = "Manifest";

    private final Optional<String> manifest;

    /** @param manifest the text of {@code OUT/manifest.json}, when present */
    public ManifestSection(Optional<String> manifest) {
        this.manifest = manifest;
    }

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        String path = "`" + ctx.tables().location() + "/" + SweepTables.MANIFEST + "`";
        if (manifest.isEmpty()) {
            return List.of(SectionCells.skipped(TITLE, "the sweep output has no " + path + "."));
        }
        return List.of(new MarkdownCell(Markdown.builder().heading(2, TITLE)
                .paragraph("The sweep's manifest (" + path + "): the resolved spec, the run counts and the "
                        + "provenance of the code and platform that produced the runs.")
                .code("json", manifest.get().strip()).build()));
    }
}

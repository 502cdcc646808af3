package org.clsweep.jobs.export.section;

import java.util.List;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.notebook.NotebookCell;

/**
 * One part of the exported notebook (an overview, a figure with its query, a table). A section
 * queries what it needs through the context and returns its cells; when its data is absent it
 * returns a cell that says so rather than failing the export.
 */
public interface NotebookSection {
    List<NotebookCell> cells(ExportContext ctx);
}

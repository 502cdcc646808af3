package org.clsweep.jobs.export;

import java.util.List;

/**
 * One part of the exported notebook (an overview, a figure with its query, a table). A section
 * queries what it needs through the context and returns its cells; when its data is absent it
 * returns a cell that says so rather than failing the export.
 */
interface NotebookSection {
    List<NotebookCell> cells(ExportContext ctx);
}

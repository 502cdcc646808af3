/**
 * The export's figures: an XY chart of series with 95% intervals rendered headless to PNG
 * ({@link org.clsweep.jobs.export.chart.ErrorBarChart} of
 * {@link org.clsweep.jobs.export.chart.ChartSeries}), and a rendered figure with its number,
 * file name and caption ({@link org.clsweep.jobs.export.chart.Figure}).
 */
package org.clsweep.jobs.export.chart;

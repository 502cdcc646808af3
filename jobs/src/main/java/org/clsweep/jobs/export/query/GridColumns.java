package org.clsweep.jobs.export.query;

import org.clsweep.data.spec.SpecKey;

/**
 * The parameter columns the figures group, filter and label by, named once from the catalogue
 * ({@link SpecKey#column()}).
 */
public final class GridColumns {
    public static final String MODEL = SpecKey.MODEL.column();
    public static final String ACTIVATION = SpecKey.ACTIVATION.column();
    public static final String LEAKY_SLOPE = SpecKey.LEAKY_SLOPE.column();
    public static final String WIDTH = SpecKey.WIDTH.column();
    public static final String GEOMETRY_KIND = SpecKey.GEOMETRY_KIND.column();
    public static final String GEOMETRY_PATTERNS = SpecKey.GEOMETRY_PATTERNS.column();
    public static final String GEOMETRY_MAG_START = SpecKey.GEOMETRY_MAG_START.column();
    public static final String GEOMETRY_MAG_END = SpecKey.GEOMETRY_MAG_END.column();
    public static final String NET_BATCHNORM = SpecKey.NET_BATCHNORM.column();

    private GridColumns() {
    }
}

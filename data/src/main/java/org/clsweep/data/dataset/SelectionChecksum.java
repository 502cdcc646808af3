package org.clsweep.data.dataset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a selection's data: the SHA-256 of its raw values and labels, before
 * normalisation (the normalisation is a spec key of its own).
 *
 * <pre>
 *   bytes = int32 L ‖ int32 d ‖ x_1 … x_L as L·d float64 ‖ y_1 … y_L as int32 (labelled data only)
 *   all big-endian; x_l the raw values of pattern l (IDX: pixel bytes 0..255; Parquet: as stored,
 *   floats widened to double), in pattern order
 *   checksum = lower-case hex SHA-256(bytes)
 * </pre>
 * With numpy: {@code sha256(np.array([L, d], '>i4').tobytes() + x.astype('>f8').tobytes()
 * + y.astype('>i4').tobytes())}.
 */
public final class SelectionChecksum {
    private SelectionChecksum() {
    }

    /**
     * @param raw    L rows of d raw values, in pattern order. Not modified.
     * @param labels the L labels, or null for unlabelled data. Not modified.
     */
    public static String of(double[][] raw, int[] labels) {
        MessageDigest sha = sha256();
        int d = raw.length == 0 ? 0 : raw[0].length;
        sha.update(ByteBuffer.allocate(8).putInt(raw.length).putInt(d).array());
        ByteBuffer row = ByteBuffer.allocate(8 * d);
        for (double[] x : raw) {
            row.clear();
            for (double v : x) {
                row.putDouble(v);
            }
            sha.update(row.array());
        }
        if (labels != null) {
            ByteBuffer y = ByteBuffer.allocate(4 * labels.length);
            for (int v : labels) {
                y.putInt(v);
            }
            sha.update(y.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package org.clsweep.jobs.dataset;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.spec.SpecException;

/**
 * An open IDX file of unsigned bytes, positioned at its first item: gzip-compressed (detected by
 * the magic bytes 1f 8b) or not.
 *
 * <pre>
 *   magic   int32 big-endian 0x0000 08 nd     08 = unsigned byte, nd = number of dimensions
 *   dims    nd × int32 big-endian, each ≥ 1   n = dims[0] items, each of Π dims[1..] bytes
 *   data    n items, row-major
 * </pre>
 * Labels are {@code 0x00000801} (n bytes), images {@code 0x00000803} (n × rows × cols bytes).
 * Errors name the file and the problem; {@link #key()} is the spec key that names the file.
 */
final class IdxFile implements Closeable {
    /** Magic of a labels file: unsigned bytes, one dimension. */
    static final int LABELS = 0x00000801;
    /** Magic of an images file: unsigned bytes, three dimensions. */
    static final int IMAGES = 0x00000803;
    private static final int BUFFER = 1 << 16;

    private final String location;
    private final String key;
    private final DataInputStream in;
    private final int[] dims;
    private int itemsRead;

    private IdxFile(String location, String key, DataInputStream in, int[] dims) {
        this.location = location;
        this.key = key;
        this.in = in;
        this.dims = dims;
    }

    /**
     * Opens the file and reads its header.
     *
     * @param location any Hadoop path
     * @param key      the spec key that names the file, for errors
     * @param magic    {@link #LABELS} or {@link #IMAGES}
     * @param conf     the Hadoop configuration
     * @throws SpecException on {@code key}: missing file, not IDX, the wrong IDX kind, truncated header
     */
    static IdxFile open(String location, String key, int magic, Configuration conf) {
        InputStream raw = Sources.open(location, key, conf);
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            InputStream body = b0 == 0x1f && b1 == 0x8b
                    ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER) : buffered;
            DataInputStream in = new DataInputStream(body);
            int found = in.readInt();
            if (found != magic) {
                throw new SpecException(key, location + " is not an IDX " + (magic == IMAGES ? "images" : "labels")
                        + " file: it starts with " + String.format("0x%08x", found) + ", expected "
                        + String.format("0x%08x", magic) + " (unsigned bytes, " + (magic & 0xff) + " dimension"
                        + ((magic & 0xff) == 1 ? "" : "s") + ")");
            }
            int[] dims = new int[magic & 0xff];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 1) {
                    throw new SpecException(key, location + ": IDX dimension " + i + " is " + dims[i]
                            + ", expected >= 1");
                }
            }
            return new IdxFile(location, key, in, dims);
        } catch (EOFException e) {
            close(raw);
            throw new SpecException(key, location + " is truncated: it ends inside the IDX header", e);
        } catch (IOException e) {
            close(raw);
            throw new SpecException(key, location + " cannot be read as IDX: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(raw);
            throw e;
        }
    }

    /** n, the number of items the header announces. */
    int count() {
        return dims[0];
    }

    /** The bytes of one item: Π dims[1..] (1 for labels, rows × cols for images). */
    int itemSize() {
        long size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        if (size > Integer.MAX_VALUE) {
            throw new SpecException(key, location + ": items of " + size + " bytes are too large");
        }
        return (int) size;
    }

    /** The header's dimensions, e.g. {@code 60000×28×28}. */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return sb.toString();
    }

    /** The file as named in the spec. */
    String location() {
        return location;
    }

    /** The spec key that names the file. */
    String key() {
        return key;
    }

    /**
     * Reads the next item.
     *
     * @param item {@link #itemSize()} bytes. Modified.
     * @throws SpecException on {@link #key()} when the file ends before the header's count
     */
    void next(byte[] item) {
        try {
            in.readFully(item);
            itemsRead++;
        } catch (EOFException e) {
            throw new SpecException(key, location + " is truncated: its header announces " + shape()
                    + ", the data ends after " + itemsRead + " items", e);
        } catch (IOException e) {
            throw new SpecException(key, location + " cannot be read after " + itemsRead + " items: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(in);
    }

    private static void close(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // reading is over; a failed close loses nothing
        }
    }
}

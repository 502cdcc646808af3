package org.clsweep.data.spec;

/**
 * A sweep or run specification that cannot be run. {@link #key()} is the dotted spec key at
 * fault (for example {@code geometry.dim}); the message names the key and the value found.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public SpecException(String key, String message) {
        super(message);
        this.key = key;
    }

    public SpecException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The dotted spec key at fault. */
    public String key() {
        return key;
    }
}

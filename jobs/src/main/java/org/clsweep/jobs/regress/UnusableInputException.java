package org.clsweep.jobs.regress;

/**
 * The regression check cannot compare: a baseline or current sweep directory is missing,
 * corrupt, empty, or from a different sweep spec. The CLI exits with code 2 and prints the
 * message, which names the directory and what is wrong with it.
 */
public class UnusableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnusableInputException(String message) {
        super(message);
    }

    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

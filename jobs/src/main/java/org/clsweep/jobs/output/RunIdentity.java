package org.clsweep.jobs.output;

import java.io.Serializable;

/**
 * The columns every row of a sweep's tables shares, plus the cell's id.
 *
 * @param sweep       {@code sweep.name}
 * @param specHash    the spec hash
 * @param cellId      the cell id
 * @param codeVersion the code version that ran
 */
public record RunIdentity(String sweep, String specHash, String cellId, String codeVersion) implements Serializable {
}

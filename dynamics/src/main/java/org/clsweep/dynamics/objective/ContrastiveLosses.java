package org.clsweep.dynamics.objective;

/**
 * Builds the {@link ContrastiveLoss} a run asks for.
 *
 * @see InfoNceLoss
 * @see QuadraticLoss
 */
public final class ContrastiveLosses {
    private ContrastiveLosses() {
    }

    /**
     * @param type        the loss
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first
     * @param batch       N, rows of z1 and z2
     * @param dim         m, columns of z1 and z2
     * @return a loss with its workspace allocated for N×m; one per run, not thread-safe
     */
    public static ContrastiveLoss create(LossType type, double temperature, boolean normalize, int batch, int dim) {
        switch (type) {
            case INFONCE:
                return new InfoNceLoss(temperature, normalize, batch, dim);
            case QUADRATIC:
                return new QuadraticLoss(temperature, normalize, batch, dim);
            default:
                throw new AssertionError(type);
        }
    }
}

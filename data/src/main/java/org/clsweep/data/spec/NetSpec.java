package org.clsweep.data.spec;

import java.io.Serializable;

/**
 * The two-layer network's top and normalisation, spec block {@code net}.
 *
 * @param outDim          {@code net.out_dim}, rows of the top layer V
 * @param batchnorm       {@code net.batchnorm}, BatchNorm (no affine) on the hidden layer
 * @param bnBackpropMean  {@code net.bn_backprop_mean}, let the gradient flow through the batch mean
 * @param bnBackpropVar   {@code net.bn_backprop_var}, let the gradient flow through the batch variance
 */
public record NetSpec(int outDim, boolean batchnorm, boolean bnBackpropMean, boolean bnBackpropVar)
        implements Serializable {
    public NetSpec {
        SpecKey.NET_OUT_DIM.check(outDim);
    }

    /** The block's record from its keys. */
    static NetSpec from(SpecValues v) {
        return new NetSpec(
                v.integer(SpecKey.NET_OUT_DIM),
                v.bool(SpecKey.NET_BATCHNORM),
                v.bool(SpecKey.NET_BN_BACKPROP_MEAN),
                v.bool(SpecKey.NET_BN_BACKPROP_VAR));
    }
}

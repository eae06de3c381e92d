/**
 * Plain-Java evaluation of feed-forward networks and of their Jacobian-vector products (JVPs).
 * <p>
 * A {@link org.deceptron.dipg.nn.Network} is an immutable list of {@link org.deceptron.dipg.nn.Layer}s mapping a
 * flat {@code double[]} to a flat {@code double[]}. Spatial tensors are stored channel-major: element
 * (c, d, h, w) of a tensor with spatial shape (D, H, W) is at index {@code ((c*D + d)*H + h)*W + w} (2-D:
 * {@code (c*H + h)*W + w}, 1-D: {@code c*W + w}). Evaluation happens in a
 * {@link org.deceptron.dipg.nn.NetworkEvaluator}, which owns pre-allocated buffers and allocates nothing per call.
 * </p>
 * <p>
 * The layer constructors take the weights in the layouts used by common deep-learning frameworks (dense weights
 * row-major [out][in]; convolution kernels [out][in][kd][kh][kw], cross-correlation), so a trainer can export its
 * parameters directly.
 * </p>
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

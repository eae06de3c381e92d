/**
 * The nonlinear heat families heat-1d, heat-2d and heat-3d: one d-dimensional implementation
 * ({@link org.deceptron.pde.heat.HeatFamily}) with the constants of each family in its subclass.
 */
@Export
@Version("0.2.0")
package org.deceptron.pde.heat;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The navier-stokes-2d family: initial vorticity from the vorticity of a pseudo-spectral 2-D
 * incompressible flow.
 */
@Export
@Version("0.2.0")
package org.deceptron.pde.navierstokes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

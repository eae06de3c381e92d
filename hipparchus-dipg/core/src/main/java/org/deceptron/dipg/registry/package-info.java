/**
 * Finding forward families and Deceptrons: {@link java.util.ServiceLoader} on a classpath, the OSGi service
 * registry (through Declarative Services) inside a framework, behind one abstraction.
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

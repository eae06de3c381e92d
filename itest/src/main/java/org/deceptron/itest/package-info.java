/**
 * Integration tests run inside Apache Felix (bnd-testing; this package is the test bundle's private content)
 * and the solve scenarios they share with the plain-classpath test.
 */
package org.deceptron.itest;

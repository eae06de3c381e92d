package org.deceptron.pde;

/**
 * Canonical text of the constants of a model (grid, coefficients, prior), hashed into its fingerprint: the same
 * constants always give the same text, so the same fingerprint.
 */
public final class Descriptions {

    /** Utility class. */
    private Descriptions() {
    }

    /**
     * Formats a constant canonically for descriptions and hashing.
     * @param v the value
     * @return its shortest round-trip decimal form
     */
    public static String format(final double v) {
        return Double.toString(v);
    }

    /**
     * Builds a canonical "key=value;..." description from alternating keys and values.
     * @param keyValues key, value, key, value...
     * @return the description
     */
    public static String describe(final Object... keyValues) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            final Object v = keyValues[i + 1];
            sb.append(keyValues[i]).append('=');
            if (v instanceof Double) {
                sb.append(format((Double) v));
            } else if (v instanceof double[]) {
                final double[] a = (double[]) v;
                for (int k = 0; k < a.length; k++) {
                    sb.append(k == 0 ? "" : ",").append(format(a[k]));
                }
            } else if (v instanceof int[]) {
                final int[] a = (int[]) v;
                for (int k = 0; k < a.length; k++) {
                    sb.append(k == 0 ? "" : "x").append(a[k]);
                }
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

}

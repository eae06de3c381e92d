package org.deceptron.pde.numerics;

/**
 * In-place complex discrete Fourier transform of one fixed length, any length: a self-sorting (Stockham)
 * mixed-radix algorithm with radix-4, 2, 3 and 5 kernels and a generic O(p^2) kernel for other prime factors.
 * Twiddle factors are precomputed; a transform allocates nothing (the caller passes two work arrays).
 * <p>
 * Convention: forward {@code X_k = sum_j x_j exp(-2 pi i jk/n)}; {@link #inverse} is the unscaled conjugate
 * transform (multiply by 1/n yourself). Immutable and thread safe.
 * </p>
 * <p>
 * Written for these small grids because Hipparchus' {@code FastFourierTransformer} only takes powers of two
 * and allocates new arrays on every call.
 * </p>
 */
public final class Fft {

    /** Length. */
    private final int n;

    /** Radix of each stage. */
    private final int[] radices;

    /** Product of the radices of the previous stages, per stage. */
    private final int[] spans;

    /** Twiddle cosines per stage, indexed [(j mod span) * radix + r]. */
    private final double[][] twiddleCos;

    /** Twiddle sines per stage (forward sign), same layout. */
    private final double[][] twiddleSin;

    /** Roots of unity cos(2 pi q/p), per stage (generic kernel only, else null). */
    private final double[][] rootCos;

    /** Roots of unity -sin(2 pi q/p), per stage (generic kernel only, else null). */
    private final double[][] rootSin;

    /** Largest radix (size of the kernel scratch). */
    private final int maxRadix;

    /**
     * Plans a transform.
     * @param n the length, &gt;= 1
     */
    public Fft(final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be positive, got " + n);
        }
        this.n = n;
        final int[] factors = factor(n);
        radices = factors;
        spans = new int[factors.length];
        twiddleCos = new double[factors.length][];
        twiddleSin = new double[factors.length][];
        rootCos = new double[factors.length][];
        rootSin = new double[factors.length][];
        int span = 1;
        int largest = 1;
        for (int s = 0; s < factors.length; s++) {
            final int p = factors[s];
            largest = Math.max(largest, p);
            spans[s] = span;
            twiddleCos[s] = new double[span * p];
            twiddleSin[s] = new double[span * p];
            for (int j = 0; j < span; j++) {
                for (int r = 0; r < p; r++) {
                    final double angle = -2.0 * Math.PI * j * r / (span * (double) p);
                    twiddleCos[s][j * p + r] = Math.cos(angle);
                    twiddleSin[s][j * p + r] = Math.sin(angle);
                }
            }
            if (p > 4) {
                rootCos[s] = new double[p];
                rootSin[s] = new double[p];
                for (int q = 0; q < p; q++) {
                    rootCos[s][q] = Math.cos(2.0 * Math.PI * q / p);
                    rootSin[s][q] = -Math.sin(2.0 * Math.PI * q / p);
                }
            }
            span *= p;
        }
        maxRadix = largest;
    }

    /**
     * Returns the length.
     * @return n
     */
    public int length() {
        return n;
    }

    /**
     * Returns the size of the kernel scratch arrays {@link #forward} needs (the largest generic radix).
     * @return the scratch size
     */
    public int scratchSize() {
        return maxRadix;
    }

    /**
     * Forward transform in place.
     * @param re real parts, length &gt;= n (overwritten)
     * @param im imaginary parts, length &gt;= n (overwritten)
     * @param workRe work array, length &gt;= n
     * @param workIm work array, length &gt;= n
     * @param scratch scratch of length &gt;= 2 * {@link #scratchSize()}
     */
    public void forward(final double[] re, final double[] im, final double[] workRe, final double[] workIm,
                        final double[] scratch) {
        double[] srcRe = re;
        double[] srcIm = im;
        double[] dstRe = workRe;
        double[] dstIm = workIm;
        for (int s = 0; s < radices.length; s++) {
            stage(s, srcRe, srcIm, dstRe, dstIm, scratch);
            final double[] tr = srcRe;
            final double[] ti = srcIm;
            srcRe = dstRe;
            srcIm = dstIm;
            dstRe = tr;
            dstIm = ti;
        }
        if (srcRe != re) {
            System.arraycopy(srcRe, 0, re, 0, n);
            System.arraycopy(srcIm, 0, im, 0, n);
        }
    }

    /**
     * Unscaled inverse transform in place (the conjugate transform: sum_k X_k exp(+2 pi i jk/n)).
     * @param re real parts (overwritten)
     * @param im imaginary parts (overwritten)
     * @param workRe work array, length &gt;= n
     * @param workIm work array, length &gt;= n
     * @param scratch scratch of length &gt;= 2 * {@link #scratchSize()}
     */
    public void inverse(final double[] re, final double[] im, final double[] workRe, final double[] workIm,
                        final double[] scratch) {
        for (int i = 0; i < n; i++) {
            im[i] = -im[i];
        }
        forward(re, im, workRe, workIm, scratch);
        for (int i = 0; i < n; i++) {
            im[i] = -im[i];
        }
    }

    /**
     * One Stockham stage.
     * @param s stage index
     * @param srcRe source real parts
     * @param srcIm source imaginary parts
     * @param dstRe destination real parts
     * @param dstIm destination imaginary parts
     * @param scratch kernel scratch
     */
    private void stage(final int s, final double[] srcRe, final double[] srcIm, final double[] dstRe,
                       final double[] dstIm, final double[] scratch) {
        final int p = radices[s];
        final int span = spans[s];
        final int stride = n / p;
        final double[] tc = twiddleCos[s];
        final double[] ts = twiddleSin[s];
        for (int j = 0; j < stride; j++) {
            final int jm = j % span;
            final int t = jm * p;
            final int dst = (j / span) * span * p + jm;
            if (p > 4) {
                // the radices are >= 2 (see factor): the other primes
                generic(s, p, j, stride, t, dst, span, srcRe, srcIm, dstRe, dstIm, scratch);
                continue;
            }
            // radix 2, 3 and 4: inputs 0 and 1 (and 2 for radix 3 and 4), twiddled
            final double ar = srcRe[j];
            final double ai = srcIm[j];
            double xr = srcRe[j + stride];
            double xi = srcIm[j + stride];
            final double br = xr * tc[t + 1] - xi * ts[t + 1];
            final double bi = xr * ts[t + 1] + xi * tc[t + 1];
            if (p == 2) {
                dstRe[dst] = ar + br;
                dstIm[dst] = ai + bi;
                dstRe[dst + span] = ar - br;
                dstIm[dst + span] = ai - bi;
                continue;
            }
            xr = srcRe[j + 2 * stride];
            xi = srcIm[j + 2 * stride];
            final double cr = xr * tc[t + 2] - xi * ts[t + 2];
            final double ci = xr * ts[t + 2] + xi * tc[t + 2];
            if (p == 3) {
                final double t1r = br + cr;
                final double t1i = bi + ci;
                final double t2r = br - cr;
                final double t2i = bi - ci;
                final double mr = ar - 0.5 * t1r;
                final double mi = ai - 0.5 * t1i;
                final double sr = SIN_60 * t2i;
                final double si = -SIN_60 * t2r;
                dstRe[dst] = ar + t1r;
                dstIm[dst] = ai + t1i;
                dstRe[dst + span] = mr + sr;
                dstIm[dst + span] = mi + si;
                dstRe[dst + 2 * span] = mr - sr;
                dstIm[dst + 2 * span] = mi - si;
                continue;
            }
            // radix 4
            xr = srcRe[j + 3 * stride];
            xi = srcIm[j + 3 * stride];
            final double dr = xr * tc[t + 3] - xi * ts[t + 3];
            final double di = xr * ts[t + 3] + xi * tc[t + 3];
            final double s0r = ar + cr;
            final double s0i = ai + ci;
            final double d0r = ar - cr;
            final double d0i = ai - ci;
            final double s1r = br + dr;
            final double s1i = bi + di;
            final double d1r = br - dr;
            final double d1i = bi - di;
            dstRe[dst] = s0r + s1r;
            dstIm[dst] = s0i + s1i;
            // y1 = d0 - i d1
            dstRe[dst + span] = d0r + d1i;
            dstIm[dst + span] = d0i - d1r;
            dstRe[dst + 2 * span] = s0r - s1r;
            dstIm[dst + 2 * span] = s0i - s1i;
            // y3 = d0 + i d1
            dstRe[dst + 3 * span] = d0r - d1i;
            dstIm[dst + 3 * span] = d0i + d1r;
        }
    }

    /**
     * Generic radix-p butterfly (O(p^2)).
     * @param s stage
     * @param p radix
     * @param j butterfly index
     * @param stride input stride
     * @param t twiddle offset
     * @param dst output offset
     * @param span output stride
     * @param srcRe source real parts
     * @param srcIm source imaginary parts
     * @param dstRe destination real parts
     * @param dstIm destination imaginary parts
     * @param scratch scratch of length 2p
     */
    private void generic(final int s, final int p, final int j, final int stride, final int t, final int dst,
                         final int span, final double[] srcRe, final double[] srcIm, final double[] dstRe,
                         final double[] dstIm, final double[] scratch) {
        final double[] tc = twiddleCos[s];
        final double[] ts = twiddleSin[s];
        for (int r = 0; r < p; r++) {
            final double xr = srcRe[j + r * stride];
            final double xi = srcIm[j + r * stride];
            scratch[r] = xr * tc[t + r] - xi * ts[t + r];
            scratch[p + r] = xr * ts[t + r] + xi * tc[t + r];
        }
        final double[] rc = rootCos[s];
        final double[] rs = rootSin[s];
        for (int q = 0; q < p; q++) {
            double yr = 0;
            double yi = 0;
            int e = 0;
            for (int r = 0; r < p; r++) {
                final double c = rc[e];
                final double sn = rs[e];
                yr += scratch[r] * c - scratch[p + r] * sn;
                yi += scratch[r] * sn + scratch[p + r] * c;
                e += q;
                if (e >= p) {
                    e -= p;
                }
            }
            dstRe[dst + q * span] = yr;
            dstIm[dst + q * span] = yi;
        }
    }

    /** sin(60 degrees). */
    private static final double SIN_60 = Math.sqrt(3.0) / 2.0;

    /**
     * Factors n into radices: 4s first, then 2, 3, 5 and remaining primes.
     * @param n the length
     * @return the radices (empty for n = 1)
     */
    private static int[] factor(final int n) {
        final int[] tmp = new int[32];
        int count = 0;
        int rest = n;
        while (rest % 4 == 0) {
            tmp[count++] = 4;
            rest /= 4;
        }
        for (int p = 2; rest > 1; p++) {
            while (rest % p == 0) {
                tmp[count++] = p;
                rest /= p;
            }
            if (p * p > rest && rest > 1) {
                tmp[count++] = rest;
                rest = 1;
            }
        }
        final int[] out = new int[count];
        System.arraycopy(tmp, 0, out, 0, count);
        return out;
    }
}

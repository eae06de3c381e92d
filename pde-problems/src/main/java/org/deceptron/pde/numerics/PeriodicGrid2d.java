package org.deceptron.pde.numerics;

/**
 * A square periodic grid of n x n points on [0, L)^2 and its discrete Fourier transform: wavenumbers, spectral
 * derivative multipliers (zero at the Nyquist frequency so that real fields stay real), the Laplacian symbol,
 * the 2/3-rule dealiasing mask and real/complex transforms built on {@link Fft}.
 * <p>
 * Layout: point (ix, iy), at (ix h, iy h) with h = L/n, has flat index {@code iy * n + ix}; Fourier mode
 * (kx, ky) (integer wavenumbers folded to [-n/2, n/2]) sits at the same flat index as (ix, iy) = (kx mod n,
 * ky mod n). The transforms are unnormalised forward, 1/n^2-normalised inverse.
 * </p>
 * <p>
 * Immutable and thread safe; every transform takes a {@link Workspace} that belongs to one thread.
 * </p>
 */
public final class PeriodicGrid2d {

    /** Points per side. */
    private final int n;

    /** Side length L. */
    private final double length;

    /** 1-D transform. */
    private final Fft fft;

    /** Physical wavenumber along x, 2 pi kx / L, per flat index. */
    private final double[] kx;

    /** Physical wavenumber along y, per flat index. */
    private final double[] ky;

    /** Derivative symbol along x (times i): kx, zero at the Nyquist frequency. */
    private final double[] derivX;

    /** Derivative symbol along y (times i): ky, zero at the Nyquist frequency. */
    private final double[] derivY;

    /** |k|^2 = kx^2 + ky^2. */
    private final double[] k2;

    /** Flat index of the mode -k. */
    private final int[] negative;

    /** 2/3-rule mask: 1 where |kx| &lt; n/3 and |ky| &lt; n/3 (integer wavenumbers), else 0. */
    private final double[] dealias;

    /**
     * Creates a grid.
     * @param n points per side, &gt;= 2
     * @param length side length L &gt; 0
     */
    public PeriodicGrid2d(final int n, final double length) {
        if (n < 2 || !(length > 0)) {
            throw new IllegalArgumentException("bad periodic grid " + n + " x " + n + " of side " + length);
        }
        this.n = n;
        this.length = length;
        this.fft = new Fft(n);
        final int size = n * n;
        kx = new double[size];
        ky = new double[size];
        derivX = new double[size];
        derivY = new double[size];
        k2 = new double[size];
        negative = new int[size];
        dealias = new double[size];
        final double unit = 2.0 * Math.PI / length;
        for (int iy = 0; iy < n; iy++) {
            final int my = fold(iy, n);
            for (int ix = 0; ix < n; ix++) {
                final int mx = fold(ix, n);
                final int idx = iy * n + ix;
                kx[idx] = unit * mx;
                ky[idx] = unit * my;
                derivX[idx] = (2 * mx == n) ? 0.0 : unit * mx;
                derivY[idx] = (2 * my == n) ? 0.0 : unit * my;
                k2[idx] = kx[idx] * kx[idx] + ky[idx] * ky[idx];
                negative[idx] = ((n - iy) % n) * n + (n - ix) % n;
                dealias[idx] = (3 * Math.abs(mx) < n && 3 * Math.abs(my) < n) ? 1.0 : 0.0;
            }
        }
    }

    /**
     * Folds an index to a signed integer wavenumber in (-n/2, n/2].
     * @param i index in [0, n)
     * @param n length
     * @return the wavenumber
     */
    private static int fold(final int i, final int n) {
        return 2 * i <= n ? i : i - n;
    }

    /**
     * Returns the number of points per side.
     * @return n
     */
    public int n() {
        return n;
    }

    /**
     * Returns the number of points n^2.
     * @return n^2
     */
    public int size() {
        return n * n;
    }

    /**
     * Returns the side length.
     * @return L
     */
    public double length() {
        return length;
    }

    /**
     * Returns the grid spacing L/n.
     * @return h
     */
    public double spacing() {
        return length / n;
    }

    /**
     * Returns the physical wavenumbers along x (shared array, do not modify).
     * @return kx per flat index
     */
    public double[] kx() {
        return kx;
    }

    /**
     * Returns the physical wavenumbers along y (shared array, do not modify).
     * @return ky per flat index
     */
    public double[] ky() {
        return ky;
    }

    /**
     * Returns the x-derivative symbol (the derivative multiplies mode k by i times this; shared array).
     * @return kx with the Nyquist frequency zeroed
     */
    public double[] derivativeX() {
        return derivX;
    }

    /**
     * Returns the y-derivative symbol (shared array).
     * @return ky with the Nyquist frequency zeroed
     */
    public double[] derivativeY() {
        return derivY;
    }

    /**
     * Returns |k|^2 (minus the Laplacian symbol; shared array).
     * @return kx^2 + ky^2 per flat index
     */
    public double[] k2() {
        return k2;
    }

    /**
     * Returns the 2/3-rule dealiasing mask (shared array).
     * @return 1 on kept modes, 0 on removed ones
     */
    public double[] dealiasMask() {
        return dealias;
    }

    /**
     * Returns the flat index of -k for each k (shared array).
     * @return the index map
     */
    public int[] negative() {
        return negative;
    }

    /**
     * Creates a workspace for one thread.
     * @return a new workspace
     */
    public Workspace workspace() {
        return new Workspace(n, fft.scratchSize());
    }

    /**
     * Forward 2-D transform in place.
     * @param re real parts, length n^2
     * @param im imaginary parts, length n^2
     * @param ws workspace
     */
    public void forward(final double[] re, final double[] im, final Workspace ws) {
        transform(re, im, ws, false);
    }

    /**
     * Inverse 2-D transform in place, normalised by 1/n^2.
     * @param re real parts, length n^2
     * @param im imaginary parts, length n^2
     * @param ws workspace
     */
    public void inverse(final double[] re, final double[] im, final Workspace ws) {
        transform(re, im, ws, true);
        final double scale = 1.0 / (n * n);
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    /**
     * Transforms a real field.
     * @param f the field (not modified)
     * @param outRe spectrum, real parts
     * @param outIm spectrum, imaginary parts
     * @param ws workspace
     */
    public void forwardReal(final double[] f, final double[] outRe, final double[] outIm, final Workspace ws) {
        System.arraycopy(f, 0, outRe, 0, f.length);
        java.util.Arrays.fill(outIm, 0.0);
        forward(outRe, outIm, ws);
    }

    /**
     * Transforms two real fields with one complex transform.
     * @param a first field (not modified)
     * @param b second field (not modified)
     * @param aRe spectrum of a, real parts
     * @param aIm spectrum of a, imaginary parts
     * @param bRe spectrum of b, real parts
     * @param bIm spectrum of b, imaginary parts
     * @param ws workspace
     */
    public void forwardPair(final double[] a, final double[] b, final double[] aRe, final double[] aIm,
                            final double[] bRe, final double[] bIm, final Workspace ws) {
        final double[] zr = ws.re;
        final double[] zi = ws.im;
        System.arraycopy(a, 0, zr, 0, a.length);
        System.arraycopy(b, 0, zi, 0, b.length);
        forward(zr, zi, ws);
        for (int k = 0; k < zr.length; k++) {
            final int m = negative[k];
            final double pr = zr[k];
            final double pi = zi[k];
            final double qr = zr[m];
            final double qi = zi[m];
            aRe[k] = 0.5 * (pr + qr);
            aIm[k] = 0.5 * (pi - qi);
            bRe[k] = 0.5 * (pi + qi);
            bIm[k] = 0.5 * (qr - pr);
        }
    }

    /**
     * Inverse transform of a Hermitian spectrum (a real field).
     * @param re spectrum real parts (not modified)
     * @param im spectrum imaginary parts (not modified)
     * @param out the real field
     * @param ws workspace
     */
    public void inverseReal(final double[] re, final double[] im, final double[] out, final Workspace ws) {
        final double[] zr = ws.re;
        final double[] zi = ws.im;
        System.arraycopy(re, 0, zr, 0, re.length);
        System.arraycopy(im, 0, zi, 0, im.length);
        inverse(zr, zi, ws);
        System.arraycopy(zr, 0, out, 0, out.length);
    }

    /**
     * Inverse transforms of two Hermitian spectra with one complex transform.
     * @param aRe spectrum of a, real parts (not modified)
     * @param aIm spectrum of a, imaginary parts (not modified)
     * @param bRe spectrum of b, real parts (not modified)
     * @param bIm spectrum of b, imaginary parts (not modified)
     * @param a first real field (output)
     * @param b second real field (output)
     * @param ws workspace
     */
    public void inversePair(final double[] aRe, final double[] aIm, final double[] bRe, final double[] bIm,
                            final double[] a, final double[] b, final Workspace ws) {
        final double[] zr = ws.re;
        final double[] zi = ws.im;
        for (int k = 0; k < zr.length; k++) {
            zr[k] = aRe[k] - bIm[k];
            zi[k] = aIm[k] + bRe[k];
        }
        inverse(zr, zi, ws);
        System.arraycopy(zr, 0, a, 0, a.length);
        System.arraycopy(zi, 0, b, 0, b.length);
    }

    /**
     * Applies a real, even (m(k) = m(-k)) Fourier multiplier to a complex grid field in place; on a real field
     * this is a real circulant operator, on a complex field it acts on real and imaginary parts separately.
     * @param re real parts of the field (overwritten)
     * @param im imaginary parts of the field (overwritten)
     * @param multiplier the symbol per flat index
     * @param ws workspace
     */
    public void applyEvenMultiplier(final double[] re, final double[] im, final double[] multiplier,
                                    final Workspace ws) {
        forward(re, im, ws);
        for (int k = 0; k < re.length; k++) {
            re[k] *= multiplier[k];
            im[k] *= multiplier[k];
        }
        inverse(re, im, ws);
    }

    /**
     * Runs the 1-D transform on every row and every column.
     * @param re real parts
     * @param im imaginary parts
     * @param ws workspace
     * @param conjugate true for the (unscaled) inverse
     */
    private void transform(final double[] re, final double[] im, final Workspace ws, final boolean conjugate) {
        if (conjugate) {
            for (int i = 0; i < im.length; i++) {
                im[i] = -im[i];
            }
        }
        final double[] lr = ws.lineRe;
        final double[] li = ws.lineIm;
        for (int row = 0; row < n; row++) {
            final int off = row * n;
            System.arraycopy(re, off, lr, 0, n);
            System.arraycopy(im, off, li, 0, n);
            fft.forward(lr, li, ws.workRe, ws.workIm, ws.scratch);
            System.arraycopy(lr, 0, re, off, n);
            System.arraycopy(li, 0, im, off, n);
        }
        for (int col = 0; col < n; col++) {
            for (int r = 0, idx = col; r < n; r++, idx += n) {
                lr[r] = re[idx];
                li[r] = im[idx];
            }
            fft.forward(lr, li, ws.workRe, ws.workIm, ws.scratch);
            for (int r = 0, idx = col; r < n; r++, idx += n) {
                re[idx] = lr[r];
                im[idx] = li[r];
            }
        }
        if (conjugate) {
            for (int i = 0; i < im.length; i++) {
                im[i] = -im[i];
            }
        }
    }

    /** Per-thread scratch arrays of a {@link PeriodicGrid2d}. */
    public static final class Workspace {

        /** Complex field scratch, real parts. */
        final double[] re;

        /** Complex field scratch, imaginary parts. */
        final double[] im;

        /** Line buffer, real parts. */
        final double[] lineRe;

        /** Line buffer, imaginary parts. */
        final double[] lineIm;

        /** FFT work, real parts. */
        final double[] workRe;

        /** FFT work, imaginary parts. */
        final double[] workIm;

        /** FFT kernel scratch. */
        final double[] scratch;

        /**
         * Allocates the arrays.
         * @param n points per side
         * @param radix largest FFT radix
         */
        Workspace(final int n, final int radix) {
            re = new double[n * n];
            im = new double[n * n];
            lineRe = new double[n];
            lineIm = new double[n];
            workRe = new double[n];
            workIm = new double[n];
            scratch = new double[2 * radix];
        }
    }
}

package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * The text form of an {@link Architecture}, as {@code dipg train --arch} takes it:
 * <ul>
 *   <li>{@code mlp:W1,W2,...[:tanh]}: an {@link Architecture.Mlp} with those hidden widths ({@code mlp:} or
 *   {@code linear} for a single dense layer), e.g. {@code mlp:256,1024,256};</li>
 *   <li>{@code conv:HxW[xD][:C<channels>][:B<blocks>][:k<kernel>][:circular|:zero][:tanh]}: an
 *   {@link Architecture.ConvResNet} on that grid (defaults C12, B1, k3, zero padding), e.g.
 *   {@code conv:32x32:C16:B2:circular}. The grid must match the family's sizes (n = m = H W [D]).</li>
 * </ul>
 * {@link #format(Architecture)} writes the same form, so {@code parse(format(a))} equals {@code a}.
 */
public final class ArchitectureSpec {

    /** The grammar, for messages. */
    public static final String GRAMMAR = "mlp:W1,W2,...[:tanh], linear, or "
            + "conv:HxW[xD][:C<channels>][:B<blocks>][:k<kernel>][:circular|:zero][:tanh]";

    /** Default conv channels. */
    private static final int DEFAULT_CHANNELS = 12;

    /** Default conv residual blocks. */
    private static final int DEFAULT_BLOCKS = 1;

    /** Default conv kernel. */
    private static final int DEFAULT_KERNEL = 3;

    /** Utility class. */
    private ArchitectureSpec() {
    }

    /**
     * Parses an architecture.
     * @param spec the text
     * @return the architecture
     * @throws MathIllegalArgumentException ({@link TrainerFormats#INVALID_ARCHITECTURE}) saying what is wrong
     */
    public static Architecture parse(final String spec) {
        final String text = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (text.equals("linear")) {
            return new Architecture.Mlp(new int[0], false, false);
        }
        final String[] parts = text.split(":", -1);
        switch (parts[0]) {
            case "mlp":
                return mlp(spec, parts);
            case "conv":
                return conv(spec, parts);
            default:
                throw invalid(spec, "unknown kind '" + parts[0] + "'");
        }
    }

    /**
     * Formats an architecture in the form {@link #parse} reads.
     * @param architecture the architecture
     * @return the text
     */
    public static String format(final Architecture architecture) {
        if (architecture instanceof Architecture.Mlp mlp) {
            final StringBuilder sb = new StringBuilder("mlp:");
            for (int i = 0; i < mlp.hidden().length; i++) {
                sb.append(i == 0 ? "" : ",").append(mlp.hidden()[i]);
            }
            return sb + (mlp.activateOutput() ? ":lrelu" : "") + (mlp.tanhOutput() ? ":tanh" : "");
        }
        final Architecture.ConvResNet c = (Architecture.ConvResNet) architecture;
        final StringBuilder sb = new StringBuilder("conv:");
        for (int i = 0; i < c.shape().length; i++) {
            sb.append(i == 0 ? "" : "x").append(c.shape()[i]);
        }
        return sb + ":C" + c.channels() + ":B" + c.blocks() + ":k" + c.kernel() + (c.circular() ? ":circular" : ":zero")
               + (c.tanhOutput() ? ":tanh" : "");
    }

    /**
     * Parses {@code mlp:W1,W2,...[:tanh][:lrelu]}.
     * @param spec the original text
     * @param parts the parts split at ':'
     * @return the MLP
     */
    private static Architecture mlp(final String spec, final String[] parts) {
        if (parts.length < 2) {
            throw invalid(spec, "no hidden widths");
        }
        final List<Integer> widths = new ArrayList<>();
        if (!parts[1].isEmpty()) {
            for (final String w : parts[1].split(",")) {
                widths.add(positive(spec, "hidden width", w));
            }
        }
        boolean tanh = false;
        boolean lrelu = false;
        for (int i = 2; i < parts.length; i++) {
            switch (parts[i]) {
                case "tanh":
                    tanh = true;
                    break;
                case "lrelu":
                    lrelu = true;
                    break;
                default:
                    throw invalid(spec, "unknown mlp option '" + parts[i] + "'");
            }
        }
        return new Architecture.Mlp(widths.stream().mapToInt(Integer::intValue).toArray(), lrelu, tanh);
    }

    /**
     * Parses {@code conv:HxW[xD][:C..][:B..][:k..][:circular|:zero][:tanh]}.
     * @param spec the original text
     * @param parts the parts split at ':'
     * @return the conv net
     */
    private static Architecture conv(final String spec, final String[] parts) {
        if (parts.length < 2 || parts[1].isEmpty()) {
            throw invalid(spec, "no grid");
        }
        final String[] dims = parts[1].split("x");
        if (dims.length < 2 || dims.length > 3) {
            throw invalid(spec, "the grid needs 2 or 3 extents, got " + dims.length);
        }
        final int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = positive(spec, "grid extent", dims[i]);
        }
        int channels = DEFAULT_CHANNELS;
        int blocks = DEFAULT_BLOCKS;
        int kernel = DEFAULT_KERNEL;
        boolean circular = false;
        boolean tanh = false;
        for (int i = 2; i < parts.length; i++) {
            final String p = parts[i];
            if (p.equals("circular") || p.equals("zero")) {
                circular = p.equals("circular");
            } else if (p.equals("tanh")) {
                tanh = true;
            } else if (p.startsWith("c")) {
                channels = positive(spec, "channels", p.substring(1));
            } else if (p.startsWith("b")) {
                blocks = nonNegative(spec, "blocks", p.substring(1));
            } else if (p.startsWith("k")) {
                kernel = positive(spec, "kernel", p.substring(1));
                if (kernel % 2 == 0) {
                    throw invalid(spec, "the kernel must be odd, got " + kernel);
                }
            } else {
                throw invalid(spec, "unknown conv option '" + p + "'");
            }
        }
        return new Architecture.ConvResNet(shape, channels, blocks, kernel, circular, tanh);
    }

    /**
     * Parses a positive integer.
     * @param spec the original text
     * @param what what it is
     * @param text the digits
     * @return the value
     */
    private static int positive(final String spec, final String what, final String text) {
        final int v = nonNegative(spec, what, text);
        if (v == 0) {
            throw invalid(spec, what + " must be positive");
        }
        return v;
    }

    /**
     * Parses a non-negative integer.
     * @param spec the original text
     * @param what what it is
     * @param text the digits
     * @return the value
     */
    private static int nonNegative(final String spec, final String what, final String text) {
        try {
            final int v = Integer.parseInt(text);
            if (v < 0) {
                throw invalid(spec, what + " must not be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(spec, what + " '" + text + "' is not an integer");
        }
    }

    /**
     * Builds the exception.
     * @param spec the text
     * @param what what is wrong
     * @return the exception
     */
    private static MathIllegalArgumentException invalid(final String spec, final String what) {
        return new MathIllegalArgumentException(TrainerFormats.INVALID_ARCHITECTURE, spec, what, GRAMMAR);
    }
}

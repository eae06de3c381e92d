package org.deceptron.dipg.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalStateException;

/** SHA-256 of model file bytes, in lowercase hexadecimal (as {@code sha256sum} prints it). */
final class Sha256 {

    /** Hexadecimal digits. */
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Utility class. */
    private Sha256() {
    }

    /**
     * Creates a SHA-256 digest.
     * @param what what is digested, for the message
     * @return a new digest
     * @throws MathIllegalStateException when the JDK has no SHA-256 ({@link DipgFormats#MODEL_NO_SHA256})
     */
    static MessageDigest newDigest(final String what) {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new MathIllegalStateException(e, DipgFormats.MODEL_NO_SHA256, what, e.getMessage());
        }
    }

    /**
     * Formats a digest.
     * @param digest the digest bytes
     * @return lowercase hexadecimal, two digits per byte
     */
    static String hex(final byte[] digest) {
        final char[] chars = new char[2 * digest.length];
        for (int i = 0; i < digest.length; i++) {
            chars[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            chars[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(chars);
    }
}

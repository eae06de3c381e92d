package org.deceptron.dipg.registry;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports a refused Deceptron once per JVM and reason through {@link System.Logger} (logger
 * {@code org.deceptron.dipg.registry}, level {@code WARNING}), so that a model that silently turns D-IPG into
 * Levenberg-Marquardt is visible in the application's log; the library itself prints nothing. The same reason is
 * in {@code DipgOptimum.getDeceptronStatus()} of every solve.
 */
final class RefusalLog {

    /** The logger. */
    private static final Logger LOGGER = System.getLogger("org.deceptron.dipg.registry");

    /** Most distinct reasons remembered (beyond it, reasons are still logged but no longer de-duplicated). */
    private static final int MAX_REMEMBERED = 10_000;

    /** Reasons already reported. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** Utility class. */
    private RefusalLog() {
    }

    /**
     * Reports a refusal the first time it is seen.
     * @param familyId the family
     * @param reason why the Deceptron was refused
     * @return true when it was reported now, false when it had been reported before
     */
    static boolean report(final String familyId, final String reason) {
        final String key = familyId + '\n' + reason;
        if (REPORTED.size() < MAX_REMEMBERED && !REPORTED.add(key)) {
            return false;
        }
        LOGGER.log(Level.WARNING, "Deceptron refused for family {0}: {1}; solves of this family run as "
                + "Levenberg-Marquardt", familyId, reason);
        return true;
    }
}

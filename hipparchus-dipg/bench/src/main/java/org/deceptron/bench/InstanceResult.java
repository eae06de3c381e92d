package org.deceptron.bench;

import java.util.List;

import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;

/**
 * The outcome of one method on one instance.
 * @param success whether the family's success criterion was met (RMS at most the tolerance, and for families
 *        that have one, x-RMSE at most their bound)
 * @param iterations iterations reported by the optimizer
 * @param valueEvaluations forward solves
 * @param jacobianEvaluations Jacobian evaluations
 * @param xRmse RMS error of the returned point against the true unknowns
 * @param rms final normalised residual RMS
 * @param millis wall time of the solve
 * @param failure the exception message when the method threw, else null
 * @param trace RMS against time (may be empty)
 */
public record InstanceResult(boolean success, int iterations, int valueEvaluations, int jacobianEvaluations,
                             double xRmse, double rms, double millis, String failure, List<TracePoint> trace) {
}

package org.deceptron.bench;

import java.util.List;

import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;

/**
 * The outcome of one method on one instance.
 * @param success whether the family's success criterion was met (RMS at most the tolerance, and for families
 *        that have one, x-RMSE at most their bound)
 * @param iterations iterations reported by the optimizer (-1 when it threw)
 * @param valueEvaluations problem evaluations ({@code evaluate} calls, -1 when the method threw)
 * @param jacobianEvaluations evaluations whose Jacobian was requested (-1 when the method threw)
 * @param counts forward, tangent and adjoint solves and g evaluations of the solve, counted on the forward model
 *        and the Deceptron ({@link SolveCounts}); also when the method threw (the work was spent)
 * @param xRmse RMS error of the returned point against the true unknowns
 * @param rms final normalised residual RMS
 * @param millis wall time of the solve
 * @param failure the exception message when the method threw, else null
 * @param trace RMS against time (may be empty)
 */
public record InstanceResult(boolean success, int iterations, int valueEvaluations, int jacobianEvaluations,
                             SolveCounts counts, double xRmse, double rms, double millis, String failure,
                             List<TracePoint> trace) {
}

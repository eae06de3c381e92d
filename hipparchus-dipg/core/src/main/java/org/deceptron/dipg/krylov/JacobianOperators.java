package org.deceptron.dipg.krylov;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * Where a {@link GaussNewtonKrylovOptimizer} gets its {@link JacobianOperator} at an evaluated point: from the
 * forward model's exact tangent and adjoint models (matrix-free: no m x n matrix is ever formed), or from the
 * evaluation's own Jacobian, used as an operator.
 */
@FunctionalInterface
public interface JacobianOperators {

    /**
     * Returns the weighted Jacobian at an evaluated point.
     * @param evaluation the evaluation (its point is the linearization point)
     * @return the operator
     */
    JacobianOperator at(Evaluation evaluation);

    /**
     * Tells whether the operators never form a Jacobian matrix.
     * @return true for matrix-free operators; the default is false
     */
    default boolean isMatrixFree() {
        return false;
    }

    /**
     * Returns the operators of a problem: matrix-free ({@link #matrixFree(FamilyProblem)}) when it is a
     * {@link FamilyProblem} whose model has both a tangent and an adjoint model, else the evaluation's Jacobian
     * ({@link #dense()}).
     * @param problem the problem
     * @return the operators
     */
    static JacobianOperators forProblem(final LeastSquaresProblem problem) {
        if (problem instanceof FamilyProblem) {
            final ForwardModel model = ((FamilyProblem) problem).getModel();
            if (model.hasDerivative(Derivative.TANGENT) && model.hasDerivative(Derivative.ADJOINT)) {
                return matrixFree((FamilyProblem) problem);
            }
        }
        return dense();
    }

    /**
     * Returns operators that use the evaluation's Jacobian matrix ({@link Evaluation#getJacobian()}).
     * @return the operators
     */
    static JacobianOperators dense() {
        return evaluation -> {
            final RealMatrix j = evaluation.getJacobian();
            return new JacobianOperator() {
                /** {@inheritDoc} */
                /** {@inheritDoc} */
            @Override
                public double[] apply(final double[] v) {
                    return j.operate(v);
                }

                /** {@inheritDoc} */
                /** {@inheritDoc} */
            @Override
                public double[] applyTranspose(final double[] w) {
                    return j.preMultiply(w);
                }
            };
        };
    }

    /**
     * Returns matrix-free operators of a family problem: the model is linearized once at each point
     * ({@link ForwardModel#linearize(double[])}) and J v = W J_F v, J^T w = J_F^T W w, with W = diag(1/s) the
     * problem's residual weights.
     * @param problem the family problem; its model must have {@link Derivative#TANGENT} and
     * {@link Derivative#ADJOINT}
     * @return the operators
     */
    static JacobianOperators matrixFree(final FamilyProblem problem) {
        final ForwardModel model = problem.getModel();
        final double[] scale = problem.getResidualScale().toArray();
        return new JacobianOperators() {
            /** {@inheritDoc} */
            @Override
            public JacobianOperator at(final Evaluation evaluation) {
                final Linearization l = model.linearize(evaluation.getPoint().toArray());
                return new JacobianOperator() {
                    /** {@inheritDoc} */
                /** {@inheritDoc} */
            @Override
                    public double[] apply(final double[] v) {
                        final double[] jv = l.jvp(v);
                        for (int i = 0; i < jv.length; i++) {
                            jv[i] /= scale[i];
                        }
                        return jv;
                    }

                    /** {@inheritDoc} */
                /** {@inheritDoc} */
            @Override
                    public double[] applyTranspose(final double[] w) {
                        final double[] ws = new double[w.length];
                        for (int i = 0; i < w.length; i++) {
                            ws[i] = w[i] / scale[i];
                        }
                        return l.vjp(ws);
                    }
                };
            }

            /** {@inheritDoc} */
            @Override
            public boolean isMatrixFree() {
                return true;
            }
        };
    }
}

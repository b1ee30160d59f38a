/**
 * User-written functions: a small, safe parser for f(x) and f(x, y) ({@link
 * io.downhill.optim.expr.Expression#parse}) that builds a computational graph, evaluated forwards
 * and differentiated backwards by reverse-mode automatic differentiation. No scripting engine, no
 * reflection: the grammar is closed (numbers, x, y, pi, e, + - * / ^, nine functions) and input
 * size, nesting and graph size are bounded, so any text a visitor types is cheap to reject or run.
 * {@link io.downhill.optim.expr.ExpressionProblem} makes an expression a run's problem.
 */
package io.downhill.optim.expr;

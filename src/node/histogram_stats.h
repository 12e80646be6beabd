/* Probability distributions behind the hypothesis tests of node:perf_hooks histograms (welchTest,
 * mannWhitneyTest, percentileCI) and the EWMA decay factor. Engine-free and pure: every function
 * depends only on its arguments.
 *
 * They are in C rather than JS because Node computes them with the C library's lgamma, erfc, exp and
 * log; calling the same libm functions gives the same bits as Node on the same machine, which JS's
 * Math (and its lack of lgamma/erfc) cannot promise. */
#ifndef DX_NODE_HISTOGRAM_STATS_H
#define DX_NODE_HISTOGRAM_STATS_H

#include <stdint.h>

/* I_x(a, b), the regularized incomplete beta function, for a, b > 0; 0 for x <= 0, 1 for x >= 1. */
double dx_hist_incomplete_beta(double a, double b, double x);
/* P(T <= t) for Student's t distribution with df > 0 degrees of freedom. */
double dx_hist_student_t_cdf(double t, double df);
/* The t > 0 with P(T <= -t) = p (upper-tail quantile), found by bisection to double precision. */
double dx_hist_student_t_upper_quantile(double p, double df);
/* P(Z <= x) for the standard normal distribution. */
double dx_hist_normal_cdf(double x);
/* P(X <= k) for X ~ Binomial(n, p). */
double dx_hist_binomial_cdf(int64_t k, int64_t n, double p);
/* Order-statistic ranks bounding a percentile's confidence interval over n samples: the largest
 * rank j with P(X <= j - 1) <= tail, and the smallest rank k with P(X <= k - 1) >= 1 - tail, for
 * X ~ Binomial(n, p). Both are in [0, n]. */
int64_t dx_hist_rank_lower(int64_t n, double p, double tail);
int64_t dx_hist_rank_upper(int64_t n, double p, double tail);
/* The per-sample weight of an exponentially weighted moving average whose samples lose half their
 * weight after `half_life` samples; 0 (disabled) unless half_life > 0. */
double dx_hist_ewma_alpha(double half_life);

#endif

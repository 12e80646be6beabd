/* Probability distributions for node:perf_hooks histograms; see histogram_stats.h.
 *
 * The incomplete beta function is evaluated with its continued fraction (modified Lentz method),
 * choosing the side (x or 1 - x) on which the fraction converges quickly; Student's t and binomial
 * distribution functions are expressed through it. */
#include "node/histogram_stats.h"

#include <math.h>

#define TINY 1e-30      /* keeps Lentz's denominators away from zero */
#define MAX_TERMS 200
#define TOLERANCE 3e-12

static double clamp_tiny(double v) { return fabs(v) < TINY ? TINY : v; }

/* The continued fraction of I_x(a, b), without its prefactor. */
static double beta_fraction(double a, double b, double x) {
    double sum_ab = a + b, a_plus = a + 1.0, a_minus = a - 1.0;
    double c = 1.0;
    double d = 1.0 / clamp_tiny(1.0 - sum_ab * x / a_plus);
    double h = d;
    for (int m = 1; m <= MAX_TERMS; m++) {
        int two_m = 2 * m;
        /* even term */
        double num = m * (b - m) * x / ((a_minus + two_m) * (a + two_m));
        d = 1.0 / clamp_tiny(1.0 + num * d);
        c = clamp_tiny(1.0 + num / c);
        h *= d * c;
        /* odd term */
        num = -(a + m) * (sum_ab + m) * x / ((a + two_m) * (a_plus + two_m));
        d = 1.0 / clamp_tiny(1.0 + num * d);
        c = clamp_tiny(1.0 + num / c);
        double step = d * c;
        h *= step;
        if (fabs(step - 1.0) <= TOLERANCE) break;
    }
    return h;
}

double dx_hist_incomplete_beta(double a, double b, double x) {
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    double log_front = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1.0 - x);
    double front = exp(log_front);
    if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_fraction(a, b, x) / a;
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

double dx_hist_student_t_cdf(double t, double df) {
    /* P(|T| >= |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2); each tail holds half of it. */
    double tails = dx_hist_incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
    return t >= 0.0 ? 1.0 - 0.5 * tails : 0.5 * tails;
}

double dx_hist_student_t_upper_quantile(double p, double df) {
    /* Search on the lower tail, P(T <= -t), which keeps its precision when p is small. */
    double lo = 0.0, hi = 1.0;
    while (dx_hist_student_t_cdf(-hi, df) > p) {
        hi *= 2.0;
        if (isinf(hi)) break;   /* p <= 0 or a degenerate df: no finite bound */
    }
    for (int i = 0; i < 100; i++) {
        double mid = (lo + hi) / 2.0;
        if (dx_hist_student_t_cdf(-mid, df) > p) lo = mid;
        else hi = mid;
    }
    return (lo + hi) / 2.0;
}

double dx_hist_normal_cdf(double x) {
    return 0.5 * erfc(-x * M_SQRT2 / 2.0);
}

double dx_hist_binomial_cdf(int64_t k, int64_t n, double p) {
    if (k < 0) return 0.0;
    if (k >= n) return 1.0;
    /* P(X <= k) = I_{1-p}(n - k, k + 1) */
    return dx_hist_incomplete_beta((double)(n - k), (double)(k + 1), 1.0 - p);
}

int64_t dx_hist_rank_lower(int64_t n, double p, double tail) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo + 1) / 2;
        if (dx_hist_binomial_cdf(mid - 1, n, p) <= tail) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

int64_t dx_hist_rank_upper(int64_t n, double p, double tail) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (dx_hist_binomial_cdf(mid - 1, n, p) >= 1.0 - tail) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

double dx_hist_ewma_alpha(double half_life) {
    if (!(half_life > 0)) return 0.0;
    return 1.0 - exp(-log(2.0) / half_life);
}

/* train-lr.c - logistic regression for scripts/train-clean: reads rows "y w x1 ... xN"
 * (N features, the first the bias) on stdin, fits by full-batch gradient descent from zero
 * weights with an L2 penalty (not on the bias), and prints the N weights, one a line.
 * Deterministic: the same rows give the same weights.
 *
 *   train-lr N STEPS RATE L2 < rows > weights
 *   train-lr -s N STEPS RATE L2 < rows > weights
 *
 * -s reads sparse binary rows "y w K i1 ... iK": the indices (0 ... N-1) of the K features that are
 * 1, the rest 0 (scripts/train-events-assert: a few dozen named features of thousands are on in an
 * event; dense rows would cost a hundred times the work). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* one step's arithmetic is the dense loop's, over the indices of the features that are on */
static int fit_sparse(int nf, int steps, double rate, double l2)
{
	size_t n = 0, cap = 0, ni = 0, icap = 0;
	size_t *row = NULL; /* row i's indices are ix[row[i] ... row[i + 1]) */
	int *ix = NULL;
	double *y = NULL, *sw = NULL, total = 0;
	for (;;) {
		double yy, ww;
		int nk;
		if (scanf("%lf %lf", &yy, &ww) != 2)
			break;
		if (scanf("%d", &nk) != 1 || nk < 0 || nk > nf)
			return fprintf(stderr, "train-lr: row %zu: expected a count of features up to %d\n", n + 1, nf), 65;
		if (n + 1 >= cap) {
			cap = cap ? 2 * cap : 4096;
			row = realloc(row, cap * sizeof *row);
			y = realloc(y, cap * sizeof *y);
			sw = realloc(sw, cap * sizeof *sw);
			if (!row || !y || !sw)
				return 70;
		}
		if (ni + (size_t)nk > icap) {
			icap = 2 * (ni + (size_t)nk) + 4096;
			if (!(ix = realloc(ix, icap * sizeof *ix)))
				return 70;
		}
		row[n] = ni;
		for (int k = 0; k < nk; k++) {
			if (scanf("%d", &ix[ni]) != 1 || ix[ni] < 0 || ix[ni] >= nf)
				return fprintf(stderr, "train-lr: row %zu: expected a feature index below %d\n", n + 1, nf), 65;
			ni++;
		}
		y[n] = yy;
		sw[n] = ww;
		total += ww;
		n++;
	}
	if (!feof(stdin))
		return fprintf(stderr, "train-lr: row %zu: expected 'y w K i1 ... iK'\n", n + 1), 65;
	if (row)
		row[n] = ni;
	double *w = calloc(nf, sizeof *w), *g = calloc(nf, sizeof *g);
	if (!w || !g)
		return 70;
	for (int s = 0; s < steps && n; s++) {
		memset(g, 0, nf * sizeof *g);
		for (size_t i = 0; i < n; i++) {
			double z = 0;
			for (size_t k = row[i]; k < row[i + 1]; k++)
				z += w[ix[k]];
			z = z > 30 ? 30 : z < -30 ? -30 : z;
			double d = (1 / (1 + exp(-z)) - y[i]) * sw[i];
			for (size_t k = row[i]; k < row[i + 1]; k++)
				g[ix[k]] += d;
		}
		double r = rate / (1 + s / 500.0);
		for (int k = 0; k < nf; k++)
			w[k] -= r * (g[k] / total + (k ? l2 * w[k] : 0));
	}
	for (int k = 0; k < nf; k++)
		printf("%.6f\n", w[k]);
	free(row), free(ix), free(y), free(sw), free(w), free(g);
	return 0;
}

int main(int argc, char **argv)
{
	int sparse = argc > 1 && !strcmp(argv[1], "-s");
	if (argc != 5 + sparse) {
		fprintf(stderr, "usage: train-lr [-s] N STEPS RATE L2 < rows\n");
		return 64;
	}
	argv += sparse;
	int nf = atoi(argv[1]), steps = atoi(argv[2]);
	double rate = atof(argv[3]), l2 = atof(argv[4]);
	if (nf <= 0)
		return fprintf(stderr, "train-lr: N must be positive\n"), 64;
	if (sparse)
		return fit_sparse(nf, steps, rate, l2);
	size_t n = 0, cap = 0;
	double *x = NULL, *y = NULL, *sw = NULL, total = 0;
	for (;;) {
		double yy, ww;
		if (scanf("%lf %lf", &yy, &ww) != 2)
			break;
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			x = realloc(x, cap * nf * sizeof *x);
			y = realloc(y, cap * sizeof *y);
			sw = realloc(sw, cap * sizeof *sw);
			if (!x || !y || !sw)
				return 70;
		}
		for (int k = 0; k < nf; k++)
			if (scanf("%lf", &x[n * nf + k]) != 1)
				return fprintf(stderr, "train-lr: row %zu: expected %d features\n", n + 1, nf), 65;
		y[n] = yy;
		sw[n] = ww;
		total += ww;
		n++;
	}
	double *w = calloc(nf, sizeof *w), *g = calloc(nf, sizeof *g);
	for (int s = 0; s < steps && n; s++) {
		for (int k = 0; k < nf; k++)
			g[k] = 0;
		for (size_t i = 0; i < n; i++) {
			const double *xi = x + i * nf;
			double z = 0;
			for (int k = 0; k < nf; k++)
				z += w[k] * xi[k];
			z = z > 30 ? 30 : z < -30 ? -30 : z;
			double d = (1 / (1 + exp(-z)) - y[i]) * sw[i];
			for (int k = 0; k < nf; k++)
				g[k] += d * xi[k];
		}
		double r = rate / (1 + s / 500.0);
		for (int k = 0; k < nf; k++)
			w[k] -= r * (g[k] / total + (k ? l2 * w[k] : 0));
	}
	for (int k = 0; k < nf; k++)
		printf("%.6f\n", w[k]);
	free(x), free(y), free(sw), free(w), free(g);
	return 0;
}

/* train-lr.c - logistic regression for scripts/train-clean: reads rows "y w x1 ... xN"
 * (N features, the first the bias) on stdin, fits by full-batch gradient descent from zero
 * weights with an L2 penalty (not on the bias), and prints the N weights, one a line.
 * Deterministic: the same rows give the same weights.
 *
 *   train-lr N STEPS RATE L2 < rows > weights */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: train-lr N STEPS RATE L2 < rows\n");
		return 64;
	}
	int nf = atoi(argv[1]), steps = atoi(argv[2]);
	double rate = atof(argv[3]), l2 = atof(argv[4]);
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

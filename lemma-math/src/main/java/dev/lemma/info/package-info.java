/// Information theory: the entropy of a discrete distribution and of a joint table, conditional entropy
/// and cross-entropy ([Entropy]); the Kullback–Leibler and Jensen–Shannon divergences, discrete and in
/// closed form between Gaussians ([Divergence]); mutual information of a joint table and of a Gaussian
/// vector ([MutualInformation]); and the evidence lower bound of a Gaussian latent-variable model next to
/// its exact log evidence ([LatentGaussianModel]).
///
/// Units: natural logarithms (nats) unless a method's name ends in `Bits`; one bit is $\ln 2$ nats.
/// Conventions shared by every method: $0 \log 0 = 0$ and $0 \log(0/q) = 0$ (the limits of $x \log x$
/// and $x \log(x/q)$ as $x \to 0^+$), and $p \log(p/0) = +\infty$ for $p > 0$.
///
/// Book: chapter 6, "Information theory".
package dev.lemma.info;

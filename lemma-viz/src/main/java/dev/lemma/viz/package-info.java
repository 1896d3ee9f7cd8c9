/// Charts as plain data, and the renderers that draw them.
///
/// A [Chart] holds numbers and words only: its series (line, scatter, bar, histogram, contour,
/// heatmap, surface, vector field, image), its axes and its annotations. Experiments build charts;
/// the lab turns them into interactive Plotly figures, the command line and the book into PNG and
/// SVG files. This module depends on nothing of Lemma, so the same charts can draw anything.
///
/// Book: chapter 0, section "Running Lemma" (the lab and `lemma experiments run`).
package dev.lemma.viz;

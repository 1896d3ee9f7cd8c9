/// How good a model is: classification scores (accuracy, precision, recall, F1 with macro, micro and
/// weighted averages, the confusion matrix, log loss), ranking curves (ROC and AUC, precision–recall),
/// regression errors (MSE, RMSE, MAE, R²), and clustering agreement (silhouette, adjusted Rand index).
/// Names and conventions follow scikit-learn's `sklearn.metrics`, and the tests check the values
/// against it to $10^{-12}$.
///
/// Book: chapter 8, "Evaluating a model".
package dev.lemma.ml.metrics;

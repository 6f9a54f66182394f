"""Fits scikit-learn's HistGradientBoostingClassifier on the benchmark data.

Run by bench/sklearn.ts with OMP_NUM_THREADS=1 (single-threaded, like Node):
    sklearn_hgb.py <dir> <train rows> <test rows> <features> [<params JSON>]
<params JSON> holds HistGradientBoostingClassifier's keyword arguments (the
bench passes ours, so both models run at equal settings).
<dir> holds train_X.f64 / test_X.f64 (float64, column-major: feature by
feature, NaN = missing) and train_y.u8 / test_y.u8. Prints one JSON object.
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

SINGLE_ROWS = 1000  # rows scored one predict_proba call each; a call costs ~0.4 ms of Python overhead


def best_of(work, passes=3):
    """Fastest of a few timed passes (seconds), as the JS timers do."""
    fastest = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        work()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def load(directory, name, rows, features):
    # Column-major on disk: reshape to (features, rows), then view as (rows, features).
    X = np.fromfile(f"{directory}/{name}_X.f64", dtype=np.float64).reshape(features, rows).T
    y = np.fromfile(f"{directory}/{name}_y.u8", dtype=np.uint8)
    return X, y


def main():
    directory, train_rows, test_rows, features = sys.argv[1], *map(int, sys.argv[2:5])
    params = json.loads(sys.argv[5]) if len(sys.argv) > 5 else {"random_state": 0}
    X_train, y_train = load(directory, "train", train_rows, features)
    X_test, y_test = load(directory, "test", test_rows, features)

    model = HistGradientBoostingClassifier(**params)
    start = time.perf_counter()
    model.fit(X_train, y_train)
    train_seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux

    scores = model.predict_proba(X_test)[:, 1]
    predict_us = best_of(lambda: model.predict_proba(X_test)) * 1e6 / test_rows
    single_us = best_of(lambda: [model.predict_proba(X_test[i : i + 1]) for i in range(SINGLE_ROWS)]) * 1e6 / SINGLE_ROWS

    print(json.dumps({
        "train_seconds": train_seconds,
        "predict_us_per_row": predict_us,
        "predict_single_us_per_row": single_us,
        "predict_single_rows": SINGLE_ROWS,
        "auc": roc_auc_score(y_test, scores),
        "peak_mb": peak_mb,
        "n_iter": int(model.n_iter_),
    }))


if __name__ == "__main__":
    main()

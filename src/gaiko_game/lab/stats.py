"""Small statistics for the lab: means, spreads, 95% intervals, paired differences (rounded for reports)."""

from __future__ import annotations

import math

Z95 = 1.96


def r2(x: float) -> float:
    """Rounded to two decimals (what reports and JSON carry)."""
    return round(x + 0.0, 2)


def mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (0 for fewer than two values)."""
    n = len(values)
    if n == 0:
        return 0.0, 0.0
    mean = math.fsum(values) / n
    var = math.fsum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
    return mean, math.sqrt(var)


def interval(values: list[float]) -> tuple[float, float, float, float]:
    """Mean, sd and the 95% interval of the mean (normal approximation)."""
    mean, sd = mean_sd(values)
    half = Z95 * sd / math.sqrt(len(values)) if values else 0.0
    return mean, sd, mean - half, mean + half


def summary(values: list[float]) -> dict[str, object]:
    """Mean, sd, 95% interval, min and max, rounded."""
    mean, sd, lo, hi = interval(values)
    return {"mean": r2(mean), "sd": r2(sd), "ci95": [r2(lo), r2(hi)], "min": r2(min(values, default=0.0)),
            "max": r2(max(values, default=0.0))}


def paired(a: list[float], b: list[float]) -> dict[str, object]:
    """The mean of a − b over pairs (same seeds), with its 95% interval."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    mean, _, lo, hi = interval(diffs)
    return {"mean_diff": r2(mean), "ci95": [r2(lo), r2(hi)], "seeds": len(diffs)}

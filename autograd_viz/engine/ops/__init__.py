"""One small ``Function`` per op, grouped by family."""

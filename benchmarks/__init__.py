"""newsclean benchmarks: plain scripts, peers in the same run, medians of repeats, printed tables."""

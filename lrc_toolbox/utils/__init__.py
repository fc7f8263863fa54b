"""Small pure-Python helpers: frame ranges, GPU queries, subprocesses, child env, temp folders."""

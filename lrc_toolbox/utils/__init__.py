"""Small pure-Python helpers: frame ranges, GPU queries, subprocess ownership, temp files, .ma reading."""

"""CI: batch runs over many files, baselines and suppressions."""

"""Measurements: pair scores (sacrebleu), readability (textstat), library versions."""

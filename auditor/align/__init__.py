"""Align stage: candidate pairs, similarity, 1:n matching, word differences, version pairs."""

"""Read stage: decode files, find the dateline, split sentences, locate lines and words."""

"""Corpus mode: read a whole feed, group its articles into events, audit each event."""

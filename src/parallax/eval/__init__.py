"""Evaluation harnesses: each scores a Parallax stage against gold data and a baseline."""

"""Stories: coverage of one real-world event by many outlets, grouped and compared."""

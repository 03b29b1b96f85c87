"""`python -m parallax.cli`."""

from parallax.cli import main

main()

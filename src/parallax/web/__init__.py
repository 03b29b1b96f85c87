"""Templates of the web pages `parallax serve` renders (see `parallax.api`)."""

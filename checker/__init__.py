"""claimcheck: check numeric claims in news articles."""

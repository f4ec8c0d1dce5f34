"""General knowledge the stages share: people's name variants, countries, cities."""

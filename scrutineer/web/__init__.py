"""`scrutineer serve`: a read-only web app and JSON API over a knowledge base."""

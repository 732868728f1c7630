"""Draft a case from one article."""

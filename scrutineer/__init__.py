"""Scrutineer: council committee papers → a knowledge base you can question and cite."""

__version__ = "0.1.0"

"""Settings in one place: environment variables prefixed SCRUTINEER_."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from nlp.embed import Embedder, Profile, build_embedder
from store.vectors import VectorIndex


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUTINEER_", extra="forbid")

    kb: Path = Path("kb")
    workers: int = min(2, os.cpu_count() or 1)
    tables: bool = True
    profile: Profile = Profile.ACCURATE
    model: str | None = None  # any sentence-transformers model name or path, for the accurate profile
    chroma_url: str | None = None  # a shared `chroma run` server instead of the KB's own store
    collection: str = "statements"  # one per KB when several KBs share a server
    embed: bool = True  # build the vector index while ingesting


def settings() -> Settings:
    return Settings()


def open_vectors(kb: Path, cfg: Settings) -> tuple[VectorIndex, Embedder]:
    """The embedder and the index it feeds, built together so a KB never mixes models."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    embedder = build_embedder(cfg.profile, cfg.model, cache=kb / "models")
    return VectorIndex(kb, embedder.name, cfg.chroma_url, cfg.collection), embedder

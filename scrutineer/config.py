"""Settings in one place: environment variables prefixed SCRUTINEER_."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUTINEER_", extra="forbid")

    kb: Path = Path("kb")
    workers: int = min(2, os.cpu_count() or 1)
    tables: bool = True


def settings() -> Settings:
    return Settings()

"""One typed settings class, built when asked for (never at import time)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(user_data_dir("selfkind", appauthor=False))


class Settings(BaseSettings):
    """Read from ``SELFKIND_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SELFKIND_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir,
                           description="Where the embedded SQLite database lives.")
    database_url: str | None = Field(
        default=None, description="Any SQLAlchemy URL; PostgreSQL for a group.")
    owner: str = Field(default="local", description="Whose journal this is.")
    reframe_url: str | None = Field(
        default=None,
        description="An OpenAI-compatible chat endpoint for reframes (optional).")
    reframe_model: str = Field(default="llama3.2", description="Model name for reframe_url.")
    reframe_timeout: float = Field(default=4.0, description="Seconds before falling back.")

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'selfkind.db'}"

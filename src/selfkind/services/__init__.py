"""The one service layer every front door (CLI, later the web app) drives."""

from selfkind.services.container import Services, open_services

__all__ = ["Services", "open_services"]

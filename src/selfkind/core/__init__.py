"""The pure domain: no database, terminal, web or model imports here."""

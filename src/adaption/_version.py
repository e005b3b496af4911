"""The one place the version lives; hatch reads it for the build and the client sends it in the User-Agent."""

__version__ = "0.1.0"

"""Placeholder: commands of this module are added by their issue."""

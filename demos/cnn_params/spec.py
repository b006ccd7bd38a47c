"""Placeholder: the custom-stack grammar parser (pure Python) goes here."""


def check_spec(layers: str | None, input_shape: str | None) -> None:
    return None

"""PyTorch demos rendered with Rich.

The registry (`demos.registry`) imports no torch; each demo's compute module
imports torch when it runs. Rendering (`render` modules) uses Rich only.
"""

"""``python -m grappe.cli``: the same as the ``grappe`` command."""

from grappe.cli import main

main()

# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: a measure effect knows whether the level before was known.

Closing a measure wrote 0 where the skill log had no level from before its
start; such a 0 is now "unknown", and no change is counted for it. Any other
level before was read from the log, so it was known."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE kompetanse_measure_effect
           SET before_known = progress_before <> 0,
               progress_change = CASE WHEN progress_before <> 0
                                      THEN progress_after - progress_before
                                      ELSE 0 END
        """
    )

from . import models
from . import report
from . import wizard

from odoo.tools import SQL

from .models.hr_employee import DEPARTURE_INDEX


def uninstall_hook(env):
    """What the module added to Odoo's own tables goes with it."""
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(DEPARTURE_INDEX)))

from . import hr_department
from . import kompetanse_skill_requirement
from . import kompetanse_target
from . import kompetanse_role
from . import hr_employee
from . import hr_employee_public
from . import hr_job

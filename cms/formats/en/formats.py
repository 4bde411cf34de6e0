# British order ("6 December 2026"); times stay Django's English ("2 p.m.").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y P"
FIRST_DAY_OF_WEEK = 1  # Monday

"""A news article written for the lesson tests (never text from the seed or the development corpora).

Every kind of exercise has something to find: named people, places and organisations, quotes with
and without a named speaker, reporting verbs of several stances, hedges and boosters, loaded words
and an agentless passive.
"""

ARTICLE = """River town votes to build a flood wall after a wet winter

The town council of Millbrook voted on Monday to build a concrete wall along the Avon River, ending a bitter \
two-year quarrel over how to protect the old market square.

"We cannot keep pumping water out of people's kitchens every spring," said Mayor Ruth Okafor, who insisted that \
the wall would be finished before next winter. "The river will not wait for us."

Critics claimed the plan was rushed. Daniel Price, who owns a bakery on the square, said the wall would probably \
cut the shops off from the river and could cost far more than the council admits. "Nobody asked the traders," \
he said.

The Environment Agency warned last year that the square was likely to flood again. A report on the risks was \
quietly shelved in March, and the figures were never published.

The decision is clearly a victory for residents of the low streets, who have suffered through three disastrous \
floods in five years. Supporters of the wall cheered in the public gallery.

"It is a shameful waste of money," a local councillor said after the vote.

Building is expected to start in June. Okafor said the council would seek a grant from the national government, \
and she suggested that the cost might be shared with the county.
"""

"""Every confidence the extraction gives, by name: how sure a rule is of what it found (0–1, written to the graph as
`kg:confidence`). One table, so that a change of trust is one line and the numbers can be read side by side.
"""

# mentions (mentions.py, roles.py, repair.py)
GAZETTEER_MENTION = 0.9  # a name the gazetteer knows
MODEL_MENTION = 0.8  # a name only the model found
ACRONYM_MENTION = 0.75  # a stand-alone use of a defined short form: "BNBC-3"
HEADER_PLACE = 0.8  # "… at the Monument to the People's Heroes": the phrase after at/in in a header
ORG_AFTER_TITLE = 0.7  # "the Prime Minister of Ruritania, …" where the model saw no entity in "Ruritania"
DEMONYM_OF_THE_TEXTS_COUNTRY = 0.7  # "Ruritanian" (no gazetteer demonym): the country the text names
DEMONYM_BEFORE_POST = 0.6  # "the first state visit of a Serbian president"

# roles (roles.py, posts.py); a role written without a number has RoleMention's default 0.85
TITLE_OF_UNSEEN_ORG = 0.75  # "the Prime Minister of Ruritania, Marek Halas"
COMPANY_THEN_TITLE = 0.75  # "Lotus Mobility chairman Tran Quoc Bao"
TITLE_WITH_DEMONYM = 0.85  # "Belarusian Minister of Foreign Affairs Sergei Aleinik"
TITLE_ALONE = 0.7  # "Minister of Defence Karel Brandt" (no organisation)
TITLE_AFTER_NAME = 0.8  # "Zhu Hexin, Chairman of CITIC Group"
TITLE_AFTER_NAME_NO_ORG = 0.6  # "Zhu Hexin, Chairman"
HOST_POST = 0.6  # the host bears the unnamed post "the president of the Republic of Belarus"
COUNTERPART_TITLE = 0.6  # "his Chilean counterpart Jorge Soto": the speaker's title, in Chile
POST_TOLD_APART = 0.6  # "the Georgian President said": the one holder of that post with no country
AIDE_OF_PRINCIPAL = 0.6  # "Lima's spokeswoman Ana Ruiz": in the country of Lima's post
MINISTER_OF_HOST_COUNTRY = 0.5
POST_OF_THE_OTHER_COUNTRY = 0.45  # a post the host's country has filled, in the one other country the text names  # a minister in a programme about a president: of the host's country
GUEST_RECEIVED = 0.55  # "A, who arrived in Tarvik, met Prime Minister B": B's post, in the country A travelled to

# entities
GIVEN_HOST = 1.0  # the host given on the command line and never named in the text
ORG_OF_ROLE = 0.7  # an organisation seen only in a role ("Minister of … Ruritanian"), made an entity

# events
HEADER_EVENT = 0.95  # a segment header: "Meeting with President of Bulgaria Rumen Radev"
TOLD_EVENT = 0.7  # a meeting told in a sentence, in the document's own time
VISIT_BESIDE = 0.6  # "B, currently visiting the UAE": a trip told beside the meeting (visits_told.py)
REPORTED_EVENT = 0.6  # a meeting told as past ("they last met in May")
SUMMIT = 0.6  # "on the sidelines of the SCO summit": the summit

# who took part in a header's event (header_events.py)
HOST_OF_HEADER_EVENT = 0.9
PERSON_IN_HEADER = 0.95
ORG_IN_HEADER = 0.85  # the only party named
ORG_IN_HEADER_BESIDE_PERSONS = 0.7  # a company named with its people
COUNTRY_IN_HEADER = 0.85
AGENCY_AT_GROUP_MEETING = 0.6  # "Meeting with heads of agencies": the agencies the body names
ADDRESSED = 0.7  # "Minister of Defence Karel Brandt, this pace …"
INTRODUCED_SPEAKER = 0.75  # "Chairman of … Dmitry Pantus We presented a report"
SPEAKER_LABEL = 0.85  # "Vladimir Putin: Good afternoon"
SPEAKERS_COMPANY = 0.7  # "Maria Keller, Vice President of Nordwerk Energy Systems:"

# who took part in a told event (told_events.py)
JOINED = 0.6  # "… joined them", "accompanied by …"
SUMMIT_ATTENDEE = 0.6  # a party of a meeting on a summit's sidelines
PRINCIPALS_AGAIN = 0.6  # "You and I met in Samarkand": the principals of the headed meeting
SUBJECT = 0.7  # "President Jan Kowal received …"
LAST_TOLD = 0.5  # "he met …": the first party of the meeting told last
GROUP_OF_LAST_TOLD = 0.55  # "the two leaders met …": the parties of the meeting told last
HOST_BY_TITLE = 0.6  # "the president received …" in a text about the host
POST_COUNTRY_FROM_SENTENCE = 0.6  # "President Zurabishvili" in a sentence naming Georgia and no other country
HOST_UNSAID = 0.55  # "a bilateral meeting with …" told with no one before it: the text's host
COUNTERPART = 0.6  # "… received the Chairman of … Thomas Ahrens"

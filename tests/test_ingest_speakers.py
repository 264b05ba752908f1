"""Who ingest counts as a speaker, with which role, and why; on texts other than the sources.

Each test is one construction of the kind real texts use (the module docstring of
``briefsite.ingest.speakers`` lists them), run through the real language model.
"""

import pytest

from briefsite.ingest import language
from briefsite.ingest.source import lines_from_text
from briefsite.ingest.speakers import find_speakers


@pytest.fixture(scope="module")
def nlp():
    return language.load()


@pytest.fixture
def speakers(nlp, registry):
    def run(*paragraphs: str, lines: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        finding = find_speakers(list(paragraphs), list(lines), nlp, registry)
        return [(p.name, p.role) for p in finding.people if p.counted]

    return run


def test_name_comma_role_comma_verb(speakers):
    text = (
        "Sun Dong, Academician of the Canadian Academy of Engineering and Secretary for "
        "Innovation, Technology and Industry, Hong Kong SAR Government, thought that cities "
        "must work together."
    )
    assert speakers(text) == [
        (
            "Sun Dong",
            "Academician of the Canadian Academy of Engineering and Secretary for Innovation, "
            "Technology and Industry, Hong Kong SAR Government",
        )
    ]


def test_title_before_the_name_is_the_role(speakers):
    text = "The US Silicon Valley chairman and CEO Russell Hancock believes that plans matter."
    assert speakers(text) == [("Russell Hancock", "US Silicon Valley chairman and CEO")]


def test_event_verbs_and_coordinated_subjects(speakers):
    text = (
        "Li Ming, vice-mayor of Hefei, attended and delivered a keynote speech. "
        "Zhao Lan, director of the Port Office, and Tom Reyes, CEO of Harbour Lines, signed "
        "the agreement."
    )
    assert speakers(text) == [
        ("Li Ming", "Vice-mayor of Hefei"),
        ("Zhao Lan", "Director of the Port Office"),
        ("Tom Reyes", "CEO of Harbour Lines"),
    ]


def test_the_agent_of_a_passive_and_according_to_in_any_case(speakers):
    assert speakers("The session was presided over by Professor Anna Berg.") == [
        ("Anna Berg", "Professor")
    ]
    assert speakers("The ports, according to WU Zhiqiang, must cooperate.") == [("WU Zhiqiang", "")]


def test_news_style_said_after_the_quote(speakers):
    text = '"Nobody can afford it alone," said Zhou Ling, a professor at Sun Yat-sen University.'
    assert speakers(text) == [("Zhou Ling", "Professor at Sun Yat-sen University")]


def test_later_references_belong_to_the_full_name(speakers):
    text = (
        "Li Ming, vice-mayor of Hefei, met the delegates in the morning. "
        "Li said the corridor would open next year."
    )
    assert speakers(text) == [("Li Ming", "Vice-mayor of Hefei")]


def test_two_people_of_one_surname_stay_apart_and_ingest_says_so(nlp, registry):
    text = (
        "Wang Fang, a planner, and Wang Jun, an economist, visited the port. "
        "Wang said the port must grow."
    )
    finding = find_speakers([text], [], nlp, registry)
    assert [p.name for p in finding.people] == ["Wang Fang", "Wang Jun"]
    assert not any(p.counted for p in finding.people)
    assert any("may be Wang Fang or Wang Jun" in w for w in finding.warnings)


def test_a_leader_named_inside_a_quotation_is_not_a_speaker(nlp, registry):
    text = (
        '"As President Xi Jinping said, the delta must integrate," said Chen Hong, a '
        "professor at Fudan University."
    )
    finding = find_speakers([text], [], nlp, registry)
    counted = {p.name: p.counted for p in finding.people}
    assert counted == {"Xi Jinping": False, "Chen Hong": True}
    assert finding.people[0].not_counted == "named inside a quotation"


def test_a_statement_recalled_from_years_ago_is_not_speaking(speakers):
    text = "Three years ago, President Xi Jinping announced support for the delta."
    assert speakers(text) == []


def test_a_list_of_fifteen_speakers_with_roles(speakers):
    names = [
        "Zhang Wei", "Mary Lee", "Tom Hu", "Anna Berg", "Li Na", "Peter Grant", "Chen Hong",
        "Sara Kim", "Liu Yang", "John Doe", "Zhao Lei", "Maria Rossi", "Sun Li", "Paul Weber",
        "Huang Min",
    ]  # fmt: skip
    entries = "; ".join(f"{name}, director of Institute {n}" for n, name in enumerate(names))
    found = speakers(
        f"Participating guests include: {entries}.",
        lines=(f"Participating guests include: {entries}.",),
    )
    assert [name for name, _ in found] == names
    assert found[3] == ("Anna Berg", "Director of Institute 3")


def test_speaker_cards_under_a_heading(speakers):
    lines = ("Speakers:", "Tim Campbell,", "Chairman,", "Urban Age Institute", "", "Saskia Sassen,",
             "Professor of Sociology,", "Columbia University")  # fmt: skip
    assert speakers(lines=lines) == [
        ("Tim Campbell", "Chairman, Urban Age Institute"),
        ("Saskia Sassen", "Professor of Sociology, Columbia University"),
    ]


def test_a_transcript_counts_who_answers_not_who_asks(speakers):
    lines = (
        "Reporter: What will the new district change for the region?",
        "Wang Fang: The district will join the ports of the delta into one system.",
        "Reporter: When?",
        "Wang Fang: Within five years, if the plan holds.",
    )
    assert speakers(*lines, lines=lines) == [("Wang Fang", "")]


def test_q_and_a_interviewee_is_named_in_the_framing(speakers):
    lines = (
        "Yao Xiang, general manager of Goldland Electronics, came to Pingshan in 2005.",
        "Photography: Sun Yuchen",
        "Q: What was Pingshan like at the time?",
        "A: There were few people in Pingshan at the time.",
    )
    assert speakers(*lines, lines=lines) == [
        ("Yao Xiang", "General manager of Goldland Electronics")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tongji University thought about this long ago.",
        "Hong Kong said nothing about the plan.",
        "The State Council stressed that integration matters.",
        "The Harbour Expo held in May attracted 300 firms.",
        "Silicon Valley Bank said it would lend more.",
        "Chinese and foreign experts have said that the region should integrate.",
        "He pointed out that the Greater Bay Area must cooperate.",
    ],
)
def test_organisations_places_events_and_pronouns_alone_are_not_speakers(speakers, text):
    assert speakers(text) == []


def test_credited_reporters_and_photographers_are_not_speakers(nlp, registry):
    lines = ("By Chen Jing", "Zhang Wei, a planner, said the port must grow.")
    finding = find_speakers([lines[1]], list(lines), nlp, registry)
    assert [(p.name, p.counted) for p in finding.people] == [("Zhang Wei", True)]
    finding = find_speakers(["Chen Jing said the port must grow."], list(lines), nlp, registry)
    assert finding.people[0].not_counted == "credited as author, reporter or photographer"


def test_in_the_chair_and_thanked_for_moderating(speakers):
    text = (
        "A panel on offices followed, with Peter Hogg, London City Executive, Arcadis, in the "
        "chair. Thanks to Micah Weinberg for moderating the discussion."
    )
    assert [name for name, _ in speakers(text)] == ["Peter Hogg", "Micah Weinberg"]


def test_biographies_under_a_speakers_heading(speakers):
    lines = (
        "Speakers",
        "",
        "Jane Doe is the director of the Urban Lab at Fudan University. She studies ports.",
        "",
        "Li Wei is a professor of planning at Tongji University, where he leads a studio.",
    )
    assert speakers(lines=lines) == [
        ("Jane Doe", "Director of the Urban Lab at Fudan University"),
        ("Li Wei", "Professor of planning at Tongji University"),
    ]


def test_a_sentence_that_lists_people_after_included_or_they_are(speakers):
    listed = (
        "Panelists included Port Authority Chairman Daniel Ortiz, Oakland Mayor Rosa Kent "
        "and State Senator Paul Andrews."
    )
    assert [name for name, _ in speakers(listed)] == ["Daniel Ortiz", "Rosa Kent", "Paul Andrews"]
    introduced = (
        "Four deputies took part in the online briefing. They are Zhou Hai, Director of the "
        "Water Bureau, Lin Qiao, Secretary of the CPC Beibei District Committee, and Ma Rui, "
        "Mayor of Wanzhou."
    )
    assert speakers(introduced) == [
        ("Zhou Hai", "Director of the Water Bureau"),
        ("Lin Qiao", "Secretary of the CPC Beibei District Committee"),
        ("Ma Rui", "Mayor of Wanzhou"),
    ]
    relation = "Guests included Ma Rui, a former student of Professor Anna Berg."
    assert [name for name, _ in speakers(relation)] == ["Ma Rui"]


def test_a_semicolon_list_of_the_parties_to_a_discussion(speakers):
    text = (
        "The opening session featured a lively discussion between Ruth Amoah, Director of "
        "Tenants Union; Karl Weber, Professor at Leipzig University; and Nadia Hassan, "
        "Senior Fellow at the Urban Forum."
    )
    assert speakers(text) == [
        ("Ruth Amoah", "Director of Tenants Union"),
        ("Karl Weber", "Professor at Leipzig University"),
        ("Nadia Hassan", "Senior Fellow at the Urban Forum"),
    ]


def test_long_coordinated_subjects_and_those_present(speakers):
    text = (
        "Gao Wen, member of the Standing Committee and Party Secretary of Hefei, Qian Lu, "
        "Party Secretary of Wuhu, Fang Jie, Party Secretary of Anqing, and Du Min, Party "
        "Secretary of Chuzhou, delivered speeches at the meeting. Shen Bo, Mayor of Hefei, "
        "and Luo Ping, deputy director of the Planning Bureau, were also present."
    )
    assert [name for name, _ in speakers(text)] == [
        "Gao Wen",
        "Qian Lu",
        "Fang Jie",
        "Du Min",
        "Shen Bo",
        "Luo Ping",
    ]


def test_a_participle_that_opens_a_sentence_presents_its_agent(speakers):
    text = "Moderated by Alan Price, Director of the Transit Lab, the panel looked at fares."
    assert speakers(text) == [("Alan Price", "Director of the Transit Lab")]


def test_cards_with_the_role_above_the_name_and_before_it(speakers):
    above = (
        "“Our district will become the logistics hub of the region.”",
        "",
        "Secretary of the CPC Tongnan District Committee",
        "",
        "Wei Lan",
        "",
        "“The new rail line will halve the journey.”",
        "",
        "Director of the Municipal Transport Bureau",
        "",
        "Kong Ming",
    )
    assert speakers(lines=above) == [
        ("Wei Lan", "Secretary of the CPC Tongnan District Committee"),
        ("Kong Ming", "Director of the Municipal Transport Bureau"),
    ]
    before = (
        "Officials attending the meeting included:",
        "• Ohio Governor Mark Ellison",
        "• Ontario Premier Claire Dubois",
        "• Senior officials of the other states",
    )
    assert speakers(lines=before) == [
        ("Mark Ellison", "Ohio Governor"),
        ("Claire Dubois", "Ontario Premier"),
    ]


def test_turns_labelled_with_a_name_and_role(speakers):
    lines = (
        "Deputies discussed the plan on Monday.",
        "Tan Yu, NPC Deputy and Mayor of Suining: The plan is a rare chance for the cities "
        "between the two centres.",
        "Bai Jing, member of the CPPCC and Dean of the Sichuan Institute of History: The "
        "cities will draw industry from the core.",
    )
    assert speakers(lines=lines) == [
        ("Tan Yu", "NPC Deputy and Mayor of Suining"),
        ("Bai Jing", "Member of the CPPCC and Dean of the Sichuan Institute of History"),
    ]


def test_a_caption_s_surname_is_the_person_named_in_full_later(nlp, registry):
    paragraphs = [
        "Premier Dubois speaks during the news conference.",
        "The leaders met in Quebec City. Claire Dubois, Premier of Quebec, hosted the summit.",
    ]
    finding = find_speakers(paragraphs, [], nlp, registry)
    assert [(p.name, p.counted) for p in finding.people] == [("Claire Dubois", True)]
    assert not any("surname only" in warning for warning in finding.warnings)


@pytest.mark.parametrize(
    "lines",
    [
        ("Speakers", "Coffee Break", "Networking Lunch"),
        ("Speakers", "Hôtel Bonaventure", "Grand Hotel Europa"),
        ("Mayor Lam, Director Chen Tao, your Excellencies, Ladies and Gentlemen,", "Good day."),
    ],
)
def test_agenda_items_venues_and_salutations_are_not_cards(speakers, lines):
    assert speakers(lines=lines) == []


def test_a_role_ends_where_the_next_entry_or_a_clause_starts(speakers):
    lines = ("Moderator: Riz Shah, Partner, PwC, Polly Trottenberg, Commissioner, City DOT",)
    assert speakers(lines=lines)[0] == ("Riz Shah", "Partner, PwC")
    text = (
        "Two deputies took part. They are Deng Hui, Secretary of the CPC Qijiang District "
        "Committee, and Cao Qingyao, Secretary of the CPC Rongchang District Committee."
    )
    assert speakers(text)[0] == ("Deng Hui", "Secretary of the CPC Qijiang District Committee")


def test_a_hyphenated_given_name_is_kept_whole(speakers):
    text = "Lip-Bu Tan, chief executive of Cadence, said schools must teach more maths."
    assert speakers(text) == [("Lip-Bu Tan", "Chief executive of Cadence")]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Vice Chairman of the Provincial Committee of the CPPCC Gao Wen said the plan "
            "would help.",
            "Gao Wen",
        ),
        ("The plan was presented by Tang Lei, Party Secretary of Nanning.", "Tang Lei"),
    ],
)
def test_a_chinese_name_the_model_tags_as_the_end_of_an_organisation(speakers, text, name):
    assert [found for found, _ in speakers(text)] == [name]


def test_a_place_shaped_like_a_chinese_name_stays_a_place(speakers):
    assert speakers("The Bank of Hong Kong said the plan would help the region.") == []


def test_a_role_the_clause_states(speakers):
    assert speakers("As the Mayor of Wuzhou, the host city, Lu Ping opened the meeting.") == [
        ("Lu Ping", "Mayor of Wuzhou")
    ]
    text = (
        "Mark Randall is senior director of the Harbour Institute, where he led trade work. "
        "Randall said ports must share data."
    )
    assert speakers(text) == [("Mark Randall", "Senior director of the Harbour Institute")]


def test_a_line_of_a_card_s_shape_in_a_run_of_cards_is_a_card(speakers):
    lines = (
        "Panel",
        "Anna Berg, Director, Harbour Institute",
        "Polly Trottenberg, Commissioner, City Department of Ports",  # the model: not a PERSON
        "Tom Reyes, Partner, Harbour Lines",
    )
    assert speakers(lines=lines) == [
        ("Anna Berg", "Director, Harbour Institute"),
        ("Polly Trottenberg", "Commissioner, City Department of Ports"),
        ("Tom Reyes", "Partner, Harbour Lines"),
    ]


def test_an_inverted_verb_and_a_phrasal_verb_of_speaking(speakers):
    inverted = (
        "Planning for floods, urged Maria Lopez, the Executive Director of Shore Action, must "
        "not wait for the next storm."
    )
    assert [name for name, _ in speakers(inverted)] == ["Maria Lopez"]
    phrasal = "Council President Tom Reyes kicked off the morning programme with the survey."
    assert speakers(phrasal) == [("Tom Reyes", "Council President")]


def test_a_long_role_before_the_name_on_a_bullet(speakers):
    lines = (
        "Officials attending the summit included:",
        "• New York State Governor Kathy Hochul",
        "• Ontario Premier Doug Ford",
    )
    assert speakers(lines=lines) == [
        ("Kathy Hochul", "New York State Governor"),
        ("Doug Ford", "Ontario Premier"),
    ]


def test_a_name_that_ends_the_subject_though_the_parse_buries_it(speakers):
    text = (
        "Vice-Chairman of the National Committee of the Chinese People's Political "
        "Consultative Conference Leung Chun-ying delivered a speech at the conference."
    )
    assert [name for name, _ in speakers(text)] == ["Leung Chun-ying"]


def test_a_name_the_model_misses_at_the_end_of_a_long_title(speakers):
    text = (
        "The Asian Development Bank's country director for Laos, Cambodia and Vietnam Jurgen "
        "Holzmeier remarked that the corridor will pay off. The Chief Executive of the Macao "
        "Special Administrative Region Iris Fong said in her speech that the zone grows."
    )
    assert speakers(text) == [
        (
            "Jurgen Holzmeier",
            "Asian Development Bank's country director for Laos, Cambodia and Vietnam",
        ),
        ("Iris Fong", "Chief Executive of the Macao Special Administrative Region"),
    ]


def test_an_organisation_before_a_verb_is_not_a_name_ending_a_title(speakers):
    text = (
        "The Osaka Metropolitan Government announced a plan. The Chengdu-Chongqing "
        "Economic Circle said it would grow."
    )
    assert speakers(text) == []


def test_a_role_set_before_the_name_as_its_apposition(speakers):
    text = (
        "The Chief Operating Officer of the Port Authority, Dana Whitfield, offered first-hand "
        "accounts of the works."
    )
    assert speakers(text) == [("Dana Whitfield", "Chief Operating Officer of the Port Authority")]


def test_honours_after_a_name_are_not_part_of_it(speakers):
    text = "Sarah Collins AM, Chair of the Transport Committee, said the plan falls short."
    assert speakers(text) == [("Sarah Collins", "Chair of the Transport Committee")]


def test_a_family_name_with_an_elided_particle(speakers):
    text = (
        "The panellists – Ciaran O’Donnell, Director of Estates, Harbour Holdings, and Maeve "
        "Quinlan, Head of Research, Dockside Partners."
    )
    assert [name for name, _ in speakers(text)] == ["Ciaran O’Donnell", "Maeve Quinlan"]


def test_a_leaders_words_cited_as_guidance_are_not_a_speech_at_the_event(speakers):
    text = (
        "The meeting studied and implemented the important speeches and instructions of "
        "General Secretary Xi Jinping on the integrated development of the region. Guided by "
        "the spirit of the speech delivered by President Hu Jintao, the forum opened. The "
        "forum featured speeches by Li Ming, Wang Fang and Zhao Lan."
    )
    assert [name for name, _ in speakers(text)] == ["Li Ming", "Wang Fang", "Zhao Lan"]


def test_the_object_of_a_verb_that_asks_others_to_take_part_does_not_speak(speakers):
    text = "He said Premier Li Peng on Friday encouraged Guangxi to participate in the zone."
    assert speakers(text) == []


def test_the_interviewer_beside_the_person_whose_words_are_reported(speakers):
    text = (
        "Trade is the key, according to Henry Kwok, a member of the Standing Committee, in an "
        "exclusive interview with Tian Hua."
    )
    assert [name for name, _ in speakers(text)] == ["Henry Kwok"]


def test_guests_a_host_receives_and_a_list_after_a_panel(speakers):
    text = (
        "Mayor Ana Ruiz hosted Governor Paul Kemp and Premier Joan Lysaght as they signed "
        "the compact. Director Kim Sato introduced the morning panel: Erin Marsh, State "
        "Senator Ravi Patel and Past President Julie Brandt."
    )
    assert [name for name, _ in speakers(text)] == [
        "Ana Ruiz",
        "Paul Kemp",
        "Joan Lysaght",
        "Kim Sato",
        "Erin Marsh",
        "Ravi Patel",
        "Julie Brandt",
    ]


def test_speakers_of_a_recorded_transcript_and_one_who_names_themselves(speakers):
    lines = (
        "Karin Holm  00:02",
        "Welcome to the programme, it is a thrill to have you with us today.",
        "",
        "Robert Vance  00:07",
        "Well, thanks for having me here, it is good to be back.",
    )
    assert [name for name, _ in speakers(lines=lines)] == ["Karin Holm", "Robert Vance"]
    text = "Moderator: Good afternoon. My name is Khalid Mansour. I chair this club."
    assert [name for name, _ in speakers(text)] == ["Khalid Mansour"]


def test_a_fronted_participle_of_speaking_before_were(speakers):
    text = (
        "Officiated at the opening ceremony were The Hon John Tam, GBM, SBS, Chief Executive "
        "of the Harbour Authority, and Chun-ying Leung, Vice-Chairman of the National Committee."
    )
    assert speakers(text) == [
        ("John Tam", "Chief Executive of the Harbour Authority"),
        ("Chun-ying Leung", "Vice-Chairman of the National Committee"),
    ]


def test_closing_an_event_with_remarks_and_giving_a_proposal(speakers):
    text = (
        "News veteran Dan Rather wrapped the conference with keynote remarks on the press. "
        "Former Mayor of Toronto David R Miller gave a three-pronged proposal on jobs."
    )
    assert speakers(text) == [
        ("Dan Rather", "News veteran"),
        ("David R Miller", "Former Mayor of Toronto"),
    ]


def test_a_verb_coordinated_with_a_recalled_one_is_recalled_too(speakers):
    text = (
        "Three years ago, President Xi Jinping announced that China would support the "
        "region, and he instructed that the plan be carried out."
    )
    assert speakers(text) == []


def test_the_whole_capitalised_title_before_a_name(speakers):
    text = (
        "Next up was Housing Minister Jane Porter MP, who spoke on homes. U.S. Dept. of Labor "
        "Secretary Rebecca Blank said jobs matter. After a break, the London Legacy "
        "Corporation and Tim Preston, Partner, Arcadis, discussed housing."
    )
    assert speakers(text) == [
        ("Jane Porter", "Housing Minister"),
        ("Rebecca Blank", "U.S. Dept. of Labor Secretary"),
        ("Tim Preston", "Partner"),  # not "London Legacy Corporation and, Partner"
    ]


def test_the_speaker_named_in_the_heading_of_a_published_talk(speakers):
    lines = (
        "Remarks by Commissioner Zhou Ming of the Ministry of Foreign Affairs",
        "",
        "Distinguished guests, it is a pleasure to welcome you to the zone today.",
    )
    assert speakers(lines=lines) == [
        ("Zhou Ming", "Commissioner of the Ministry of Foreign Affairs")
    ]
    text = "Full text of Leung Chun-ying's speech at the GBA conference"
    assert [name for name, _ in speakers(text)] == ["Leung Chun-ying"]
    text = (
        "Transcript of Asian Development Bank President Takehiko Nakao's Closing Press "
        "Conference in Manila"
    )
    assert speakers(text) == [("Takehiko Nakao", "Asian Development Bank President")]


def test_the_honourable_is_a_courtesy_not_a_role(speakers):
    text = (
        "Speaking at the forum were The Hon Chun-ying Leung, Vice-Chairman of the National "
        "Committee, and Tom Reyes, CEO of Harbour Lines."
    )
    assert speakers(text)[0] == ("Chun-ying Leung", "Vice-Chairman of the National Committee")
    lines = (
        "Speakers:",
        "Hon. Mark Hogan, Secretary, Wisconsin Development Corporation",
        "Hon. Bardish Chagger, Minister of Small Business and Tourism",
    )
    assert speakers(lines=lines) == [
        ("Mark Hogan", "Secretary, Wisconsin Development Corporation"),
        ("Bardish Chagger", "Minister of Small Business and Tourism"),
    ]


def test_a_familiar_first_name_is_the_same_person_under_the_formal_one(speakers):
    text = (
        "Bob Yaro joins us to talk about rail. Robert Yaro, president emeritus of the "
        "Regional Plan Association, said the corridor needs new tunnels. Yaro added that "
        "cities must act."
    )
    assert speakers(text) == [
        ("Robert Yaro", "President emeritus of the Regional Plan Association")
    ]


def test_an_opening_participle_and_its_object_are_not_the_subject(speakers):
    text = (
        "Quoting Aristotle, Los Angeles Mayor Eric Garcetti described his own philosophy "
        "during his keynote speech."
    )
    assert speakers(text) == [("Eric Garcetti", "Los Angeles Mayor")]


def test_a_surname_the_model_reads_as_a_people_is_still_a_name(speakers):
    text = (
        "Yi Lianhong, Secretary of Zhejiang Provincial Party Committee, and Han Jun, "
        "Secretary of Anhui Provincial Party Committee, were present at the meeting."
    )
    assert speakers(text) == [
        ("Yi Lianhong", "Secretary of Zhejiang Provincial Party Committee"),
        ("Han Jun", "Secretary of Anhui Provincial Party Committee"),
    ]


def test_names_run_together_in_a_headline_are_the_people_named_apart(speakers):
    headline = "Wang Hao Wang Qingxian attended the meeting"
    text = (
        "Wang Hao, Governor of Zhejiang Province, and Wang Qingxian, Governor of Anhui "
        "Province, were present at the meeting."
    )
    assert speakers(headline, text) == [
        ("Wang Hao", "Governor of Zhejiang Province"),
        ("Wang Qingxian", "Governor of Anhui Province"),
    ]


def test_a_programme_with_parts_beside_names_and_positions_below(speakers):
    lines = ("Keynote Speeches", "", "Mr Nicholas Yang", "", "Secretary for Innovation",
             "", "", "Panel Discussion", "", "Prof. Liugang Sheng (Moderator)", "",
             "Programme Director, Trade Programme", "", "", "Dr Xin Wang", "",
             "Research Associate, Joint Research Center")  # fmt: skip
    assert speakers(lines=lines) == [
        ("Nicholas Yang", "Secretary for Innovation"),
        ("Liugang Sheng", "Moderator; Programme Director, Trade Programme"),
        ("Xin Wang", "Research Associate, Joint Research Center"),
    ]


def test_a_byline_and_its_date_are_not_speaker_cards(speakers):
    lines = ("Ulises Moreno-Tabarez", "", "February 19th, 2020", "", "Change or continuity",
             "", "Ulises Moreno-Tabarez", "", "February 19th, 2020")  # fmt: skip
    assert speakers(lines=lines) == []


def test_witness_list_entries_with_generations_and_the_honorable(speakers):
    lines = (
        "Witness List:",
        "  • The Honorable John Dickert, Mayor of the City of Racine | Written Testimony",
        "  • Mr. Ed Wolking, Jr., Executive Director, Metro Chambers Coalition | Written Testimony",
    )
    assert speakers(lines=lines) == [
        ("John Dickert", "Mayor of the City of Racine"),
        ("Ed Wolking Jr.", "Executive Director, Metro Chambers Coalition"),
    ]


def test_reporters_named_together_are_not_the_interviewee(speakers):
    text = (
        "In a recent interview with the Global Times reporters Bai Yunyi and Wang Yi, Alain "
        "Bertaud (Bertaud), a former urban planner at the World Bank, discussed the rise of "
        "urban clusters."
    )
    assert [name for name, _ in speakers(text)] == ["Alain Bertaud"]


def test_a_panel_consisting_of_people_lists_them(speakers):
    text = (
        "LSE London's Director, Tony Travers, led the conversation with the final panel "
        "consisting of Sian Berry, the Green Party candidate, and Rory Stewart, an "
        "independent candidate."
    )
    assert [name for name, _ in speakers(text)] == ["Tony Travers", "Sian Berry", "Rory Stewart"]


def test_a_firm_and_a_bookstore_are_not_people(speakers):
    text = (
        "Zhou Xuanlong, Party Secretary of Zhonghua Bookstore, attended the ceremony. The "
        "venue was lent by Linklaters LLP, and Mark Davies of Linklaters LLP spoke."
    )
    assert [name for name, _ in speakers(text)] == ["Zhou Xuanlong", "Mark Davies"]


def test_names_before_a_verb_the_parse_left_without_subject(speakers):
    text = (
        "Whereas Chengdu sub-venue was located in Sichuan Academy of Sichuan Social "
        "Sciences, SASS, Professor Li Houqiang, the secretary of the SASS Committee, "
        "Vice-president Prof. Yao Leye, and Researcher Liao Zujun, the director of Regional "
        "Economy & Urban Development Research Institute attended the meeting."
    )
    assert [name for name, _ in speakers(text)] == ["Li Houqiang", "Yao Leye", "Liao Zujun"]


def test_hosts_who_meet_the_guests(speakers):
    text = (
        "QIU Yong, President of Tsinghua University, and CHEN Xu, Party Secretary of "
        "Tsinghua University, together with JIANG Shengyao, Deputy Secretary of the Party "
        "Committee, and other leaders, met the guests in the House. The plan met its targets."
    )
    assert speakers(text) == [
        ("QIU Yong", "President of Tsinghua University"),
        ("CHEN Xu", "Party Secretary of Tsinghua University"),
        ("JIANG Shengyao", "Deputy Secretary of the Party Committee"),
    ]


def test_turns_of_a_podcast_transcript_with_durations(speakers):
    lines = (
        "Jeff Wood (1m 32s):",
        "Welcome to the podcast. Can you tell us a little bit about yourselves?",
        "Fritz Steiner (1m 50s):",
        "I am the dean of the school of design, and I have studied megaregions for years.",
    )
    assert speakers(*lines, lines=lines) == [("Jeff Wood", ""), ("Fritz Steiner", "")]


def test_people_pictured_at_the_event_in_a_role(speakers):
    lines = (
        "Left to right: Billy Chan, chairman of AustCham Macau; Australia’s Senior Trade "
        "Commissioner to Hong Kong Shannon Powell; and Stephen Berry, panel moderator",
    )
    assert speakers(*lines, lines=lines) == [
        ("Billy Chan", "Chairman of AustCham Macau"),
        ("Shannon Powell", "Australia’s Senior Trade Commissioner to Hong Kong"),
        ("Stephen Berry", "Panel moderator"),
    ]


def test_bullets_with_the_role_before_the_name_and_a_district_after(speakers):
    lines = (
        "Join us with a great panel of experts, including:",
        "- California State Senator Scott Wiener, 11th District",
        "- California State Assemblymember Ash Kalra, 27th District",
    )
    assert speakers(lines=lines) == [
        ("Scott Wiener", "California State Senator, 11th District"),
        ("Ash Kalra", "California State Assemblymember, 27th District"),
    ]


def test_names_the_model_mistags_are_known_by_the_role_after_them(speakers):
    text = (
        "Gajendra Singh Shekhawat, Minister of Jal Shakti, Government of India, launched "
        "the alliance. Pankaj Kumar, Secretary, Ministry of Jal Shakti, stated that cities "
        "will learn. Durga Shanker Mishra, Secretary, MoHUA, added that rivers matter."
    )
    assert speakers(text) == [
        ("Gajendra Singh Shekhawat", "Minister of Jal Shakti, Government of India"),
        ("Pankaj Kumar", "Secretary, Ministry of Jal Shakti"),
        ("Durga Shanker Mishra", "Secretary, MoHUA"),
    ]


def test_a_role_word_in_the_name_and_a_guest_in_attendance(speakers):
    text = (
        "A symposium was held with JR Tokai President Shunsuke Niwa in attendance. The "
        "chairman of the committee, Professor Emeritus Shigeru Moriji of the National "
        "Graduate Institute for Policy Studies (GRIPS), said that stations matter."
    )
    assert speakers(text) == [
        ("Shunsuke Niwa", "JR Tokai President"),
        ("Shigeru Moriji", "Professor Emeritus of the National Graduate Institute for Policy "
         "Studies (GRIPS)"),
    ]  # fmt: skip


def test_what_an_answerer_reports_below_their_label_is_not_said_at_the_event(speakers):
    paragraphs = (
        "Wang Zhengpu:",
        "Thank you for your question. This question will be answered by Zhang Chengzhong, "
        "vice governor of Hebei province.",
        "Zhang Chengzhong:",
        "Thank you for your question. General Secretary Xi Jinping emphasized that the "
        "capital's functions should move.",
    )
    assert [name for name, _ in speakers(*paragraphs, lines=paragraphs)] == [
        "Wang Zhengpu",
        "Zhang Chengzhong",
    ]


def test_a_caption_from_left_to_right_with_commas(speakers):
    lines = (
        "(L – R: Moderator Scott Shafer of KQED, Assemblyman Brian Maienschein, Chuck "
        "Boyton, CEO SunPower)",
    )
    assert speakers(*lines, lines=lines) == [
        ("Scott Shafer", "Moderator of KQED"),
        ("Brian Maienschein", "Assemblyman"),
        ("Chuck Boyton", "CEO SunPower"),
    ]


def test_a_list_that_puts_each_role_before_the_courtesy_and_name(speakers):
    text = (
        "Apart from Mrs Lam, Secretary for Commerce and Economic Development, Mr Edward Yau, "
        "and Director-General of Investment Promotion, Mr Stephen Phillips, also attended. "
        "The event began with addresses by Mrs Lam, Vice Governor of Guangdong Province, Mr "
        "Ouyang Weimin, and President of the Macao Institute, Mr Jackson Chang, followed by "
        "lunch."
    )
    found = dict(speakers("The Chief Executive, Mrs Carrie Lam, opened the seminar.", text))
    assert found == {
        "Carrie Lam": "Chief Executive",
        "Edward Yau": "Secretary for Commerce and Economic Development",
        "Stephen Phillips": "Director-General of Investment Promotion",
        "Ouyang Weimin": "Vice Governor of Guangdong Province",
        "Jackson Chang": "President of the Macao Institute",
    }


def test_a_list_that_puts_each_role_after_the_courtesy_and_name(speakers):
    text = (
        "Notable speakers include Mr Kamal Nath, India’s Minister of Road Transport, Mrs "
        "Carrie Lam, Secretary of Development in Hong Kong SAR, and Ahn Sang-so, Mayor of "
        "Incheon."
    )
    found = dict(speakers(text))
    assert found["Kamal Nath"] == "India’s Minister of Road Transport"
    assert found["Carrie Lam"] == "Secretary of Development in Hong Kong SAR"


def test_a_list_under_a_plural_title_after_a_clause_the_parse_joined(speakers):
    text = (
        "Party Secretary Chen Long delivered a speech, city leaders Xing Zhihong, Chen "
        "Lingling, Song Zhiheng, Jinhua New District director Li Xiongwei attended."
    )
    assert speakers(text) == [
        ("Chen Long", "Party Secretary"),
        ("Xing Zhihong", "City leader"),
        ("Chen Lingling", "City leader"),
        ("Song Zhiheng", "City leader"),
        ("Li Xiongwei", "Jinhua New District director"),
    ]


def test_quote_cards_with_a_press_contact_after_the_name(speakers):
    lines = (
        "“California is taking action on climate and so are we, every day of the year.”",
        "",
        "California Governor Edmund G. Brown, Jr. | Contact: Governor’s Press Office,, "
        "916-445-4571",
        "",
        "“Our work is more crucial than ever to the fight against climate change now.”",
        "",
        "Oregon Governor Kate Brown | Contact: Chris Pair,, 503-378-5965",
    )
    assert speakers(lines=lines) == [
        ("Edmund G. Brown Jr.", "California Governor"),
        ("Kate Brown", "Oregon Governor"),
    ]


def test_leading_efforts_is_not_leading_a_talk(speakers):
    text = (
        "In his speech, Mr Leong pointed out that the Chief Executive of the Macao SAR, Mr "
        "Chui Sai-on, attached great importance to the project; Mr Chui himself led the "
        "coordination efforts. Tony Travers led the conversation."
    )
    assert [name for name, _ in speakers(text)] == ["Tony Travers"]


def test_a_hong_kong_full_name_the_model_splits_in_two_is_one_person(nlp, registry):
    text = "Mrs Carrie Lam Cheng Yuet-ngor, the Chief Executive, attended the session."
    finding = find_speakers([text], [], nlp, registry)
    assert [p.name for p in finding.people] == ["Carrie Lam Cheng Yuet-ngor"]


def test_a_name_the_model_misses_between_commas_before_a_role(speakers):
    text = (
        "Notable figures include Mrs Carrie Lam, Secretary of Development, Ahn Sang-so, "
        "Mayor of Incheon, and Haruhiko Kuroda, President of the Asian Development Bank."
    )
    assert speakers(text) == [
        ("Carrie Lam", "Secretary of Development"),
        ("Ahn Sang-so", "Mayor of Incheon"),
        ("Haruhiko Kuroda", "President of the Asian Development Bank"),
    ]


def test_programme_lines_that_name_each_sessions_speakers(speakers):
    lines = (
        "Opening Plenary Session with speakers MarySue Barrett, Robert Yaro and John McCarron.",
        "",
        "Roundtable on Water,featuring Al Appleton, Samuel Speck, and Cameron Davis",
        "",
        "The venue was the MetroCenter Auditorium, with the AmCham HK office.",
    )
    assert [name for name, _ in speakers(lines=lines)] == [
        "MarySue Barrett",
        "Robert Yaro",
        "John McCarron",
        "Al Appleton",
        "Samuel Speck",
        "Cameron Davis",
    ]


def test_hosts_who_invite_panellists_with_their_place_in_the_photo(speakers):
    text = (
        "Professor Anthony Yeh (middle in left grid) and Professor George Lin (right in left "
        "grid) invited nine distinguished panellists to share their insights."
    )
    assert speakers(text) == [("Anthony Yeh", "Professor"), ("George Lin", "Professor")]


def test_leaders_who_took_part_including_a_governor(speakers):
    text = (
        "Elected leaders from up and down the Pacific Coast participated, including Governor "
        "Jay Inslee (Washington) and Premier John Horgan (British Columbia)."
    )
    assert [name for name, _ in speakers(text)] == ["Jay Inslee", "John Horgan"]


def test_an_expo_and_a_newspaper_are_not_people(speakers):
    text = (
        "The Yomiuri Shimbun hosted a forum on the 2025 Osaka-Kansai Expo. Kansai Economic "
        "Federation Chairman Masayoshi Matsumoto gave the opening address."
    )
    assert [name for name, _ in speakers(text)] == ["Masayoshi Matsumoto"]


def test_an_initial_and_surname_is_the_one_person_it_can_be(speakers):
    text = (
        "The panel included Prof. Anthony Cheung, former Secretary for Transport, and Prof. "
        "Peter Cheung, Professor of Practice, as moderator. Prof. A. Cheung said that Hong "
        "Kong is part of the region."
    )
    assert [name for name, _ in speakers(text)] == ["Anthony Cheung", "Peter Cheung"]


def test_a_courtesy_is_followed_by_a_name_whatever_the_model_makes_of_it(speakers):
    text = (
        "Speakers included Mr. Pantazis THERIANOS, Chief Executive Officer, Euroterra "
        "Capital; and Mr. C Y Leung, Convener of the Executive Council."
    )
    assert speakers(text) == [
        ("Pantazis THERIANOS", "Chief Executive Officer, Euroterra Capital"),
        ("C Y Leung", "Convener of the Executive Council"),
    ]


def test_a_title_of_an_institution_right_before_a_chinese_name(speakers):
    text = (
        "Executive Vice-president of China Center for International Economic Exchanges "
        "Zhang Xiaoqiang said the plan was good."
    )
    assert speakers(text) == [
        (
            "Zhang Xiaoqiang",
            "Executive Vice-president of China Center for International Economic Exchanges",
        )
    ]


def test_an_acronym_and_a_courtesy_are_not_the_name_or_the_role(speakers):
    text = (
        "The Foundation’s Trustee Mr. W F Leung; CityU’s President Prof. Way Kuo; and Vice "
        "Director of the Academy, MOFCOM Li Guanghui gave their warmest welcome."
    )
    found = speakers(text)
    assert [name for name, _ in found] == ["W F Leung", "Way Kuo", "Li Guanghui"]
    assert found[:2] == [("W F Leung", "Foundation’s Trustee"), ("Way Kuo", "CityU’s President")]


def test_a_label_glued_to_the_name_by_a_web_page_starts_a_card(speakers):
    raw = (
        "Panel\nAnna Berg\nModeratorAnna Berg\nProfessor, Toyo University\n"
        "Tom Reyes\nPanelistsTom Reyes\nRobert S. Lynd Professor of Sociology, Member of the "
        "Committee on Global Thought, Columbia University\n"
    )
    lines = tuple(line.text for line in lines_from_text(raw))
    assert "PanelistsTom Reyes" not in lines and lines.count("Tom Reyes") == 1
    assert speakers(lines=lines) == [
        ("Anna Berg", "Moderator; Professor, Toyo University"),
        (
            "Tom Reyes",
            "Robert S. Lynd Professor of Sociology, Member of the Committee on Global Thought, "
            "Columbia University",
        ),
    ]


def test_each_entry_of_a_long_role_first_list_keeps_its_own_role(speakers):
    text = (
        "It was followed by a panel discussion, which was participated by President Anna "
        "Berg, Commissioner of Inclusive Dispute Avoidance and Resolution Office of the "
        "Department of Justice Dr. Tom Reyes, Secretary of the Association of China-Appointed "
        "Attesting Officers Limited Mr. Li Ming, Chairman of eBRAM International Online "
        "Dispute Resolution Centre Limited Dr. Zhao Lan and Vice-Chairman of the Hong Kong "
        "Bar Association Mr. Wang Fang, SC."
    )
    assert speakers(text) == [
        ("Anna Berg", "President"),
        (
            "Tom Reyes",
            "Commissioner of Inclusive Dispute Avoidance and Resolution Office of the "
            "Department of Justice",
        ),
        ("Li Ming", "Secretary of the Association of China-Appointed Attesting Officers Limited"),
        ("Zhao Lan", "Chairman of eBRAM International Online Dispute Resolution Centre Limited"),
        ("Wang Fang", "Vice-Chairman of the Hong Kong Bar Association"),
    ]


def test_honoured_to_have_a_guest_give_a_keynote(speakers):
    text = (
        "We were honoured to have The Hon Anna Berg, SC, Secretary for Justice, to give a "
        "keynote speech on the Greater Bay Area."
    )
    assert speakers(text) == [("Anna Berg", "Secretary for Justice")]


def test_name_role_in_brackets_lists_and_words_of_a_role_that_read_as_a_name(speakers):
    text = (
        "Keynote speeches were delivered by Prof. Xiao Geng (Professor of Practice, CUHK "
        "Shenzhen; Chairman of the Institution for International Finance). The panel "
        "featured leading experts, including Mr Li Zhong (Member of the Standing Committee, "
        "Chairman of the Huajing Society); Prof. Wang Jixian (Research Director of the Bay "
        "Area Centre; Former Head of Geography); Prof. Xu Jiang (Associate Dean, CUHK)."
    )
    assert speakers(text) == [
        (
            "Xiao Geng",
            "Professor of Practice, CUHK Shenzhen; Chairman of the Institution for "
            "International Finance",
        ),
        ("Li Zhong", "Member of the Standing Committee, Chairman of the Huajing Society"),
        ("Wang Jixian", "Research Director of the Bay Area Centre; Former Head of Geography"),
        ("Xu Jiang", "Associate Dean, CUHK"),
    ]


def test_taking_part_joining_and_a_talk_made_by(speakers):
    text = (
        "We are honored to have Prof. Laurence Liauw (HKU) and Ms Pearl Hui (AECOM) joining "
        "our second event. Leonard Cheng, professor of economics at HKUST, will also take "
        "part in the panel discussions. A luncheon presentation will be made by Dr John Chan "
        "Cho-chak, chairman of the University Council."
    )
    assert speakers(text) == [
        ("Laurence Liauw", "HKU"),
        ("Pearl Hui", "AECOM"),
        ("Leonard Cheng", "Professor of economics at HKUST"),
        ("John Chan Cho-chak", "Chairman of the University Council"),
    ]


def test_a_fronted_role_and_a_place_in_the_photo(speakers):
    text = (
        "The Director of the Economic and Trade Office in Guangdong, Miss Linda So (front "
        "row, third right), speaks at the plaque unveiling ceremony."
    )
    assert speakers(text) == [
        ("Linda So", "Director of the Economic and Trade Office in Guangdong")
    ]


def test_a_description_of_the_body_is_not_the_person_s_role(speakers):
    text = (
        "Xu Li, CEO of SenseTime, a forefront AI software company, said AI matters. Li Ming, "
        "mayor of Hefei, the capital of Anhui, agreed. Kazuyuki Motohashi, Professor at the "
        "School of Engineering, The University of Tokyo, also spoke."
    )
    assert speakers(text) == [
        ("Xu Li", "CEO of SenseTime"),
        ("Li Ming", "Mayor of Hefei"),
        ("Kazuyuki Motohashi", "Professor at the School of Engineering, The University of Tokyo"),
    ]


def test_each_name_of_a_list_under_a_plural_title_has_the_title(speakers):
    text = "Academicians Yan Deyue, Zhuang Songlin, Chen Zhongwei and Zhang Jiujun attended."
    assert speakers(text) == [
        ("Yan Deyue", "Academician"),
        ("Zhuang Songlin", "Academician"),
        ("Chen Zhongwei", "Academician"),
        ("Zhang Jiujun", "Academician"),
    ]


def test_a_role_s_of_phrase_the_parse_hung_from_the_name_and_named_chairs(speakers):
    text = (
        "Distinguished guests included Pansy Ho, co-chairperson of MGM China and managing "
        "director of Shun Tak Holdings, Zhang Weiwei, dean of the China Research Institute, "
        "and Heiwai Tang, Victor and William Fung Professor in Economics."
    )
    assert speakers(text) == [
        ("Pansy Ho", "Co-chairperson of MGM China and managing director of Shun Tak Holdings"),
        ("Zhang Weiwei", "Dean of the China Research Institute"),
        ("Heiwai Tang", "Victor and William Fung Professor in Economics"),
    ]


def test_a_hong_kong_name_in_full_and_its_english_part_are_one_person(speakers):
    text = (
        "“We will nurture new growth points,” Carrie Lam Cheng Yuet-ngor, the Chief Executive "
        "of the Hong Kong Special Administrative Region, said at the forum. Legislator "
        "William Wong Kam-fai said the tour was focused. Carrie Lam added that more would come."
    )
    assert speakers(text) == [
        (
            "Carrie Lam Cheng Yuet-ngor",
            "Chief Executive of the Hong Kong Special Administrative Region",
        ),
        ("William Wong Kam-fai", "Legislator"),
    ]


def test_a_photo_caption_in_running_text_names_those_at_the_event(speakers):
    text = (
        "Photo shows the Secretary of the Provincial Committee, Mr Li Xi (centre); Mrs Lam "
        "(sixth right); the Governor of Guangdong Province, Mr Ma Xingrui (fifth left), and "
        "other guests officiating at the ceremony."
    )
    assert speakers(text) == [
        ("Li Xi", "Secretary of the Provincial Committee"),
        ("Ma Xingrui", "Governor of Guangdong Province"),
    ]


def test_a_programme_s_card_lines_and_talk_headings_under_a_time(speakers):
    lines = (
        "13:30 - 14:30 Welcome and conceptual framework of regional design",
        "",
        "Alain Thierstein, Professor of Urban Development, Munich University of Technology",
        "Agnes Förster, Chair of Urban Development, Munich University of Technology",
        "Wil Zonneveld, Professor of Urban and Regional Planning, Delft University of Technology",
        "",
        "14:30 - 15:30 Regional design: What kind of setting?",
        "",
        "Reflections by Simin Davoudi, Professor of Environmental Policy at Newcastle University",
    )
    assert speakers(lines=lines) == [
        ("Alain Thierstein", "Professor of Urban Development, Munich University of Technology"),
        ("Agnes Förster", "Chair of Urban Development, Munich University of Technology"),
        (
            "Wil Zonneveld",
            "Professor of Urban and Regional Planning, Delft University of Technology",
        ),
        ("Simin Davoudi", "Professor of Environmental Policy at Newcastle University"),
    ]


def test_a_delegation_and_a_caption_that_sets_each_role_before_its_name(speakers):
    first = (
        "The Quebec delegation included the Minister of Transport, André Fortin, and the "
        "Head of the Quebec Government Office in Chicago, Jean-François Hould."
    )
    caption = (
        "Governor of Wisconsin, Scott Walker, Lieutenant Governor of Ohio, Mary Taylor, "
        "Premier of Ontario, Kathleen Wynne, and the Minister of Transport of Quebec, André "
        "Fortin."
    )
    assert speakers(first, caption) == [
        ("André Fortin", "Minister of Transport of Quebec"),  # the fuller of the two
        ("Jean-François Hould", "Head of the Quebec Government Office in Chicago"),
        ("Scott Walker", "Governor of Wisconsin"),
        ("Mary Taylor", "Lieutenant Governor of Ohio"),
        ("Kathleen Wynne", "Premier of Ontario"),
    ]


def test_entries_that_set_each_role_before_the_name_between_semicolons(speakers):
    text = (
        "Other speakers at the summit include Managing Director, Harbour Breweries PLC, Anna "
        "Berg; Academic Director, Lagos Business School, Prof. Tom Reyes; Director-General "
        "NACCIMA, Ayoola Olukanni and Director-General of the Chamber of Commerce (LCCI), "
        "Muda Yusuf."
    )
    assert speakers(text) == [
        ("Anna Berg", "Managing Director, Harbour Breweries PLC"),
        ("Tom Reyes", "Academic Director, Lagos Business School"),
        ("Ayoola Olukanni", "Director-General NACCIMA"),
        ("Muda Yusuf", "Director-General of the Chamber of Commerce (LCCI)"),
    ]


def test_a_part_played_at_the_event_and_a_post_held(speakers):
    text = (
        "Amitabh Kant, CEO, NITI Aayog, played a deft moderator to the session. Anna Berg "
        "served as moderator of the panel. Tom Reyes acted as the host. Zhao Lan served as "
        "chair of the board for ten years."
    )
    assert [name for name, _ in speakers(text)] == ["Amitabh Kant", "Anna Berg", "Tom Reyes"]


def test_joined_others_in_signing(speakers):
    text = (
        "Mayor Anna Berg joined Mayor Valérie Plante of Montréal and Mayor Tom Reyes of "
        "Milwaukee in signing the historic pledge."
    )
    assert [name for name, _ in speakers(text)] == ["Anna Berg", "Valérie Plante", "Tom Reyes"]


def test_cards_whose_honours_part_the_name_from_the_role_between_rules(speakers):
    lines = (
        "Meet our speakers",
        "|",
        "Len Duvall OBE AM Chair of the London Assembly",
        "|",
        "Lord Michael Heseltine CH Founder and Chairman of the Haymarket Group",
        "|",
    )
    assert speakers(lines=lines) == [
        ("Len Duvall", "Chair of the London Assembly"),
        ("Michael Heseltine", "Founder and Chairman of the Haymarket Group"),
    ]


def test_numbered_programme_items_name_their_speakers_after_the_title(speakers):
    lines = (
        "Presentations (10’-15’ each)",
        "1. Seoul: e-Government toward Smart City: Sang Ok Choi, Professor, Korea University; "
        "Jong Geum Kim, Director of Information System Planning, SMG",
        "2. WB-WeGO: city e-Government toolkit: Suzin Ahn, Secretariat of WeGO",
        "Discussants: André Bald, Sr. Urban Specialist, World Bank",
    )
    assert speakers(lines=lines) == [
        ("Sang Ok Choi", "Professor, Korea University"),
        ("Jong Geum Kim", "Director of Information System Planning, SMG"),
        ("Suzin Ahn", "Secretariat of WeGO"),
        ("André Bald", "Sr. Urban Specialist, World Bank"),
    ]


def test_surnames_with_a_capital_inside_and_a_party_after_the_name(speakers):
    lines = (
        "Participants:",
        "Maria DeLuca, former Secretary of Housing",
        "Tom Baxter (D), Mayor of Toledo, Ohio",
        "Moderator:",
        "Karen DeMarco, Director of Transport Policy, Midwest Rail Fund",
        "WHERE:",
        "Midwest Rail Fund offices",
    )
    assert speakers(lines=lines) == [
        ("Maria DeLuca", "Former Secretary of Housing"),
        ("Tom Baxter", "Mayor of Toledo, Ohio"),
        ("Karen DeMarco", "Director of Transport Policy, Midwest Rail Fund"),
    ]


def test_a_capitalised_verb_after_the_name_is_not_part_of_it(speakers):
    text = "Chief Minister Dr. Ramesh Kumar Chaired the second meeting of the River Board."
    assert speakers(text) == [("Ramesh Kumar", "Chief Minister")]


def test_a_verbless_sentence_under_a_cue_noun_lists_its_people(speakers):
    text = (
        "Special invitees by the Governor Mr. Anil Kapoor of the Clean River Trust, Meera Joshi, "
        "Director of the Water Institute, and Professor Ravi Menon of Delta University."
    )
    names = [name for name, _ in speakers(text)]
    assert names == ["Anil Kapoor", "Meera Joshi", "Ravi Menon"]


def test_talk_slots_of_a_programme_name_given_names_and_capitalised_surnames(speakers):
    lines = (
        "Opening Address: Pieter VAN HOUT, Director General for Mobility",
        "Key-note II: Marta KOWALSKA-NOWAK, President of the Regions Network",
        "Input presentation: Jan BERGSTROM-LUND, Director, Urban Research Centre",
    )
    assert speakers(lines=lines) == [
        ("Pieter VAN HOUT", "Director General for Mobility"),
        ("Marta KOWALSKA-NOWAK", "President of the Regions Network"),
        ("Jan BERGSTROM-LUND", "Director, Urban Research Centre"),
    ]


def test_a_name_the_model_does_not_know_above_its_role_lines(speakers):
    lines = (
        "Panelists",
        "Rie Azuma",
        "Architect /",
        "Representative Director, Azuma Architect & Associates",
        "Hiroo Ichikawa",
        "Professor Emeritus, Meiji University /",
        "Executive Director, The Mori Memorial Foundation",
    )
    assert speakers(lines=lines) == [
        ("Rie Azuma", "Architect / Representative Director, Azuma Architect & Associates"),
        (
            "Hiroo Ichikawa",
            "Professor Emeritus, Meiji University / Executive Director, The Mori Memorial "
            "Foundation",
        ),
    ]


def test_only_the_line_right_above_a_card_gives_it_a_role(speakers):
    lines = (
        "Opening remarks:",
        "Wakamiya Kenji, Minister for the World Expo",
        "Sasaki Nobuhiko, Chairman and CEO, Japan External Trade Organization",
        "",
        "Keynote speech 1: Building the future society together",
        "",
        "Dr. Alaa Murabit",
    )
    assert ("Alaa Murabit", "") in speakers(lines=lines)


def test_a_paragraph_quoted_from_another_report_is_an_excerpt_not_words(speakers):
    excerpt = (
        '"The panel turned to the housing shortage and the commute, two problems every city '
        "of the region shares, and to what the cities could do together about them. Panelists "
        "included Fremont Planning Director Ana Ruiz; Berkeley Community Development Director "
        'Mark Olsen; and Richmond Planning Director Lena Moss."'
    )
    words = (
        "“We have to build more homes near the stations, and we have to build them now, "
        "because the commute is costing families hours every day and the region its future, "
        "as Governor Maria Vance told the legislature last year when she signed the housing "
        "bill into law,” Ruiz said."
    )
    assert [name for name, _ in speakers(excerpt, words)] == ["Ana Ruiz", "Mark Olsen", "Lena Moss"]


def test_the_people_an_audience_heard_from(speakers):
    text = (
        "We heard from both Mayor Ana Lopez of Toledo and Mayor Carl Berg of Duluth about "
        "their plans for the waterfront."
    )
    assert [name for name, _ in speakers(text)] == ["Ana Lopez", "Carl Berg"]


def test_headliners_a_gathering_featured(speakers):
    text = (
        "The one-day gathering featured headliners including former Governor Ruth Adler and "
        "Transit Authority president Omar Haddad."
    )
    assert [name for name, _ in speakers(text)] == ["Ruth Adler", "Omar Haddad"]


def test_a_caption_from_left_to_right_in_running_text(speakers):
    text = (
        "A discussion on the future of local news. From left to right: Spotlight co-founder "
        "Maria Gomez, David Lin with the Valley Community Foundation, and Sara Patel with the "
        "Open Press Fund."
    )
    found = speakers(text)
    assert [name for name, _ in found] == ["Maria Gomez", "David Lin", "Sara Patel"]
    assert found[1:] == [
        ("David Lin", "With the Valley Community Foundation"),
        ("Sara Patel", "With the Open Press Fund"),
    ]


def test_a_semicolon_list_opens_its_entries_after_the_semicolons(speakers):
    text = (
        "During this morning panel, panelists Ravi Anand, Head of Urban Systems, Sidewalk "
        "Labs; Kate Burke, Northeast Market Lead, Tesla; Dale Brook, Chief Planning Officer, "
        "NRDC; and Jean Holt, Deputy Director, Climate Center discussed ways to cut emissions."
    )
    names = [name for name, _ in speakers(text)]
    assert names == ["Ravi Anand", "Kate Burke", "Dale Brook", "Jean Holt"]

"""Merging actor mentions under one canonical name: articles written for these tests."""

from chronicle.normalise import names
from chronicle.records import Actor, Article, Event, Span, Statement


def mention(text, words, nth=0, kind=None):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Actor(words, start, start + len(words), kind=kind)


def article(nlp, text, mentions):
    """An article whose one event lists `mentions` as targets; names canonicalised."""
    art = Article(id="n", text=text)
    art.doc = nlp(text)
    art.events = [Event(id="e1", type="ASSAULT", trigger=Span(text[:1], 0, 1), targets=mentions)]
    names.canonicalise(art)
    return art


TEXT = ("Nigerian President Bola Tinubu survived an ambush on his motorcade near Abuja. "
        "Tinubu later thanked the guards. The President said the attackers would be found. "
        "Officials said Tinbu was unhurt. The Nigerian leader returned to the capital.")


def test_full_name_surname_title_and_typo_merge(nlp):
    ms = [mention(TEXT, "Nigerian President Bola Tinubu"), mention(TEXT, "Tinubu", 1),
          mention(TEXT, "The President"), mention(TEXT, "Tinbu"), mention(TEXT, "The Nigerian leader")]
    article(nlp, TEXT, ms)
    assert [m.name for m in ms] == ["Bola Tinubu"] * 5
    assert ms[0].role == "President" and ms[0].country == "NGA"
    assert all(m.kind == "person" for m in ms)


def test_arabic_particle_and_fuzzy_surname(nlp):
    text = ("Iraqi Prime Minister Haider Al-Abadi visited Mosul. Al-Abadi met commanders there. "
            "Abadi said the city was free. Al-Abad added that rebuilding would start soon.")
    ms = [mention(text, "Al-Abadi", 1), mention(text, "Abadi", 2), mention(text, "Al-Abad")]
    article(nlp, text, ms)
    assert {m.name for m in ms} == {"Haider Al-Abadi"}
    assert ms[0].role == "Prime Minister"


def test_different_people_stay_apart(nlp):
    text = "Karim Nasser spoke to reporters while Samir Nasser stayed home. Samir Haddad left early."
    ms = [mention(text, "Karim Nasser"), mention(text, "Samir Nasser"), mention(text, "Samir Haddad")]
    article(nlp, text, ms)
    assert len({m.name for m in ms}) == 3


def test_title_kept_as_role(nlp):
    text = "General Lina Ortiz, the army spokeswoman, said the base was hit. Ortiz gave no figures."
    ms = [mention(text, "General Lina Ortiz"), mention(text, "Ortiz", 1)]
    article(nlp, text, ms)
    assert ms[0].name == ms[1].name == "Lina Ortiz"
    assert ms[0].role == "General"


def test_role_not_merged_when_two_people_hold_it(nlp):
    text = ("Minister Ana Ruiz met Minister Jorge Diaz in Lima. "
            "The minister said talks went well.")
    m = mention(text, "The minister")
    article(nlp, text, [m])
    assert m.name not in ("Ana Ruiz", "Jorge Diaz")


def test_group_aliases_merge(nlp):
    text = "ISIL fighters attacked the town. Daesh later said the Islamic State held it."
    ms = [mention(text, "ISIL fighters"), mention(text, "Daesh"), mention(text, "the Islamic State")]
    article(nlp, text, ms)
    assert {m.name for m in ms} == {"Islamic State"}
    assert ms[0].kind == "rebels"


def test_acronym_in_parentheses_links(nlp):
    text = ("The Southern Farmers Union (SFU) called a strike. "
            "The SFU said the strike would last a week.")
    ms = [mention(text, "The Southern Farmers Union (SFU)"), mention(text, "SFU", 1)]
    article(nlp, text, ms)
    assert ms[0].name == ms[1].name == "Southern Farmers Union"


def test_generic_group_word_merges_only_when_one_group(nlp):
    text = "Al-Shabaab fighters raided a base. The militants withdrew before dawn."
    m = mention(text, "The militants")
    article(nlp, text, [m])
    assert m.name == "al-Shabaab"
    text2 = "Al-Shabaab and Boko Haram were both named. The militants withdrew before dawn."
    m2 = mention(text2, "The militants")
    article(nlp, text2, [m2])
    assert m2.name not in ("al-Shabaab", "Boko Haram")


def test_statement_speaker_and_via_get_names(nlp):
    text = ("Interior Ministry spokesman Colonel Amir Saleh said two men were held, "
            "Saleh told the Sahel Times.")
    art = Article(id="s", text=text)
    art.doc = nlp(text)
    sp = mention(text, "Colonel Amir Saleh")
    sp2 = mention(text, "Saleh", 1)
    art.statements = [Statement(id="s1", cue=Span("said", 0, 4), content=Span("x", 0, 1), speaker=sp),
                      Statement(id="s2", cue=Span("told", 0, 4), content=Span("x", 0, 1), speaker=sp2,
                                via=[mention(text, "the Sahel Times")])]
    names.canonicalise(art)
    assert sp.name == sp2.name == "Amir Saleh"
    assert sp.role == "Colonel"
    assert art.statements[1].via[0].name == "Sahel Times"


def test_demonyms_and_country_words():
    assert names.country_of_word("Iraqi") == "IRQ"
    assert names.country_of_word("Iraq's") == "IRQ"
    assert names.country_of_word("Ukrainian") == "UKR"
    assert names.country_of_word("US") == "USA"
    assert names.country_of_word("us") is None
    assert names.country_of_word("Baghdad") is None


def test_known_group_needs_case_for_short_forms():
    assert names.known_group("IS militants")[2]["name"] == "Islamic State"
    assert names.known_group("this is a test") is None


def test_title_words_inside_a_person_span_become_the_role(nlp):
    text = ("According to the Defence Ministry spokesman General Tomas Berg, two jets were hit. "
            "Berg added that the pilots were safe.")
    ms = [mention(text, "the Defence Ministry spokesman General Tomas Berg"), mention(text, "Berg", 1)]
    article(nlp, text, ms)
    assert ms[0].name == ms[1].name == "Tomas Berg"
    assert ms[0].role == "General"


def test_office_holder_without_a_name(nlp):
    text = "The President of the Kurdistan Regional Government (KRG) condemned the shelling."
    m = mention(text, "The President of the Kurdistan Regional Government (KRG)")
    article(nlp, text, [m])
    assert m.name == "President of the Kurdistan Regional Government"
    assert m.kind == "person" and m.role == "President" and m.country == "IRQ"


def test_short_organisation_head_links_to_full_name(nlp):
    text = "The African Union urged calm. The union said envoys would travel to Juba."
    m = mention(text, "The union")
    article(nlp, text, [m])
    assert m.name == "African Union"


def test_demonym_and_possessive_forms_of_one_force_merge(nlp):
    text = "Iraq's military said the drone was downed. The Iraqi military gave no details."
    ms = [mention(text, "Iraq's military", kind="military"), mention(text, "The Iraqi military", kind="military")]
    for m in ms:
        m.country = "IRQ"
    article(nlp, text, ms)
    assert ms[0].name == ms[1].name == "Iraqi military"


def test_group_pronoun_resolves_to_a_group_only(nlp):
    text = "Kenyan police raided the camp at dawn. They seized weapons."
    ms = [mention(text, "Kenyan police", kind="police"), mention(text, "They")]
    article(nlp, text, ms)
    assert ms[1].name == "Kenyan police"
